using Hospital.Domain.Catalog;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Features.Stock;

namespace Hospital.Web.Features.Catalogs;

/// <summary>The hospital's own organisation: departments, rooms, staff and the pharmacy's stores.</summary>
public static partial class CatalogDefinitions
{
    private static readonly Dictionary<DepartmentKind, string> DepartmentKinds = new()
    {
        [DepartmentKind.Clinical] = "Lâm sàng",
        [DepartmentKind.Paraclinical] = "Cận lâm sàng",
        [DepartmentKind.Pharmacy] = "Dược",
        [DepartmentKind.Administrative] = "Hành chính",
    };

    private static readonly Dictionary<RoomKind, string> RoomKinds = new()
    {
        [RoomKind.ExamRoom] = "Phòng khám",
        [RoomKind.Ward] = "Buồng bệnh",
        [RoomKind.ProcedureRoom] = "Phòng thủ thuật",
        [RoomKind.LabRoom] = "Phòng xét nghiệm",
        [RoomKind.Pharmacy] = "Quầy phát thuốc",
        [RoomKind.Cashier] = "Quầy thu ngân",
    };

    public static CatalogDefinition<Department> Departments { get; } = new("departments", "Khoa, phòng")
    {
        CodeLength = 20,
        CodeColumns = ["ma_khoa"],
        NameColumns = ["ten_khoa"],
        Extra =
        [
            Fields<Department>.Of("bhytCode", "Mã khoa BHYT (MA_KHOA)", FieldKinds.Text(50), x => x.BhytCode, (x, v) => x.BhytCode = v,
                inList: true, columns: ["ma_khoa_bhyt"]),
            Fields<Department>.Of("kind", "Loại khoa", FieldKinds.Choice(DepartmentKinds), x => x.Kind, (x, v) => x.Kind = v,
                required: true, inList: true, columns: ["loai"]),
        ],
    };

    public static CatalogDefinition<Room> Rooms { get; } = new("rooms", "Phòng khám, buồng bệnh")
    {
        CodeLength = 20,
        CodeColumns = ["ma_phong"],
        NameColumns = ["ten_phong"],
        Extra =
        [
            Fields<Room>.Of("departmentCode", "Khoa", FieldKinds.Department(), x => x.DepartmentId, (x, v) => x.DepartmentId = v ?? 0,
                required: true, inList: true, columns: ["department", "ma_khoa"]),
            Fields<Room>.Of("kind", "Loại phòng", FieldKinds.Choice(RoomKinds), x => x.Kind, (x, v) => x.Kind = v,
                required: true, inList: true, columns: ["loai"]),
            Fields<Room>.Of("capacity", "Số giường / lượt khám mỗi giờ", FieldKinds.OptionalInteger(0, 10_000), x => x.Capacity, (x, v) => x.Capacity = v,
                columns: ["so_giuong"]),
        ],
    };

    public static CatalogDefinition<Staff> Staff { get; } = new("staff", "Nhân viên y tế")
    {
        Source = "Số CCHN là MA_BAC_SI / NGUOI_THUC_HIEN trong XML giám định BHYT (QĐ 130, QĐ 4750).",
        CodeLength = 20,
        CodeColumns = ["ma_nhan_vien"],
        NameColumns = ["ho_ten", "ho_va_ten", "full_name"],
        Extra =
        [
            Fields<Staff>.Of("title", "Chức danh", FieldKinds.OptionalText(100), x => x.Title, (x, v) => x.Title = v,
                inList: true, columns: ["chuc_danh"]),
            Fields<Staff>.Of("practiceCertificateNo", "Số CCHN", FieldKinds.OptionalText(50), x => x.PracticeCertificateNo,
                (x, v) => x.PracticeCertificateNo = v, inList: true, columns: ["cchn", "so_chung_chi_hanh_nghe", "ma_bac_si"]),
            Fields<Staff>.Of("cccd", "Số CCCD", FieldKinds.Digits(12), x => x.Cccd, (x, v) => x.Cccd = v,
                columns: ["cccd", "so_cccd"]),
            Fields<Staff>.Of("departmentCode", "Khoa", FieldKinds.Department(), x => x.DepartmentId, (x, v) => x.DepartmentId = v,
                inList: true, columns: ["department", "ma_khoa"]),
            Fields<Staff>.Of("phone", "Điện thoại", FieldKinds.OptionalText(20), x => x.Phone, (x, v) => x.Phone = v,
                columns: ["so_dien_thoai", "dien_thoai"]),
        ],
    };

    private static readonly Dictionary<StoreKind, string> StoreKinds =
        Enum.GetValues<StoreKind>().ToDictionary(k => k, StockLabels.Store);

    /// <summary>Kho dược: the main store, the outpatient dispensary and the ward cabinets (tủ trực) of departments.</summary>
    public static CatalogDefinition<Store> Stores { get; } = new("stores", "Kho dược, tủ trực")
    {
        CodeColumns = ["ma_kho"],
        NameColumns = ["ten_kho"],
        Extra =
        [
            Fields<Store>.Of("kind", "Loại kho", FieldKinds.Choice(StoreKinds), x => x.Kind, (x, v) => x.Kind = v,
                required: true, inList: true, columns: ["loai", "loai_kho"]),
            Fields<Store>.Of("departmentCode", "Khoa", FieldKinds.Department(), x => x.DepartmentId, (x, v) => x.DepartmentId = v,
                inList: true, columns: ["department", "ma_khoa"]),
        ],
    };
}
