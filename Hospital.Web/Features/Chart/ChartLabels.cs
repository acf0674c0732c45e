using Hospital.Domain.Clinical;

namespace Hospital.Web.Features.Chart;

/// <summary>Vietnamese names of clinical code values on the chart (keys of the English resource); order kinds, states and result flags are <see cref="Orders.OrderLabels"/>'s.</summary>
public static class ChartLabels
{
    public static string DocumentKind(ClinicalDocumentKind kind) => kind switch
    {
        ClinicalDocumentKind.ExamRecord => "Phiếu khám bệnh",
        ClinicalDocumentKind.Prescription => "Đơn thuốc",
        ClinicalDocumentKind.Referral => "Giấy chuyển tuyến",
        _ => kind.ToString(),
    };

    public static string ExamStatus(ExamStatus? status) => status switch
    {
        Hospital.Domain.Clinical.ExamStatus.Draft => "Đang khám (nháp)",
        Hospital.Domain.Clinical.ExamStatus.Concluded => "Đã kết luận",
        _ => "Chưa khám",
    };
}
