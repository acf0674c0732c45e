using System.Text.Json;
using Hospital.Domain.Lab;

namespace Hospital.Web.Features.Lab;

/// <summary>Vietnamese names of tubes and test states (keys of the shared resource), and the API's camelCase enum names.</summary>
public static class LabNames
{
    /// <summary>The tube as the phlebotomist knows it: additive and cap colour.</summary>
    public static string Tube(SpecimenType type) => type switch
    {
        SpecimenType.WholeBloodEdta => "Ống EDTA (nắp tím)",
        SpecimenType.PlasmaCitrate => "Ống citrat 3,2% (nắp xanh dương)",
        SpecimenType.WholeBloodCitrate => "Ống máu lắng (nắp đen)",
        SpecimenType.Serum => "Ống huyết thanh (nắp đỏ/vàng)",
        SpecimenType.PlasmaFluoride => "Ống NaF (nắp xám)",
        SpecimenType.PlasmaHeparin => "Ống heparin (nắp xanh lá)",
        SpecimenType.Urine => "Lọ nước tiểu",
        SpecimenType.Stool => "Hộp phân",
        SpecimenType.Swab => "Que tăm bông",
        _ => "Bệnh phẩm khác",
    };

    /// <summary>Short form printed on a 50 × 25 mm label.</summary>
    public static string TubeShort(SpecimenType type) => type switch
    {
        SpecimenType.WholeBloodEdta => "EDTA",
        SpecimenType.PlasmaCitrate => "Citrat",
        SpecimenType.WholeBloodCitrate => "Máu lắng",
        SpecimenType.Serum => "Huyết thanh",
        SpecimenType.PlasmaFluoride => "NaF",
        SpecimenType.PlasmaHeparin => "Heparin",
        SpecimenType.Urine => "Nước tiểu",
        SpecimenType.Stool => "Phân",
        SpecimenType.Swab => "Tăm bông",
        _ => "Bệnh phẩm",
    };

    public static string Status(LabTestStatus status) => status switch
    {
        LabTestStatus.Ordered => "Đã chỉ định",
        LabTestStatus.Collected => "Đã lấy mẫu",
        LabTestStatus.Received => "Đã nhận mẫu",
        LabTestStatus.OnAnalyser => "Đang chạy máy",
        LabTestStatus.Resulted => "Có kết quả",
        LabTestStatus.Validated => "Đã duyệt",
        LabTestStatus.Released => "Đã trả kết quả",
        _ => "Đã hủy",
    };

    /// <summary>Enum values in the API's camelCase ("wholeBloodEdta", "numeric").</summary>
    public static string Api<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
