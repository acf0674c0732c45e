using Hospital.Domain.Catalog;
using Hospital.Domain.Patients;

namespace Hospital.Web.Features.Catalogs;

/// <summary>What is diagnosed, done and dispensed: ICD-10, technical services, drugs, supplies.</summary>
public static partial class CatalogDefinitions
{
    /// <summary>MA_NHOM names per QĐ 5937 Phụ lục 3, 19 added by QĐ 4750 (bhyt-claims.md §4.1).</summary>
    private static readonly Dictionary<BhytCostGroup, string> CostGroups = new()
    {
        [BhytCostGroup.Lab] = "1 – Xét nghiệm",
        [BhytCostGroup.Imaging] = "2 – Chẩn đoán hình ảnh",
        [BhytCostGroup.FunctionalTest] = "3 – Thăm dò chức năng",
        [BhytCostGroup.DrugInList] = "4 – Thuốc trong danh mục BHYT",
        [BhytCostGroup.DrugCancerOrTransplant] = "5 – Thuốc điều trị ung thư, chống thải ghép ngoài danh mục",
        [BhytCostGroup.DrugByRate] = "6 – Thuốc thanh toán theo tỷ lệ",
        [BhytCostGroup.Blood] = "7 – Máu",
        [BhytCostGroup.Surgery] = "8 – Phẫu thuật",
        [BhytCostGroup.ServiceByRate] = "9 – DVKT thanh toán theo tỷ lệ",
        [BhytCostGroup.SupplyInList] = "10 – Vật tư y tế trong danh mục BHYT",
        [BhytCostGroup.SupplyByRate] = "11 – Vật tư y tế thanh toán theo tỷ lệ",
        [BhytCostGroup.Transport] = "12 – Vận chuyển",
        [BhytCostGroup.Exam] = "13 – Khám bệnh",
        [BhytCostGroup.DayBed] = "14 – Giường điều trị ngoại trú, ban ngày",
        [BhytCostGroup.InpatientBed] = "15 – Giường điều trị nội trú",
        [BhytCostGroup.HoldingBed] = "16 – Giường lưu",
        [BhytCostGroup.BloodProduct] = "17 – Chế phẩm máu",
        [BhytCostGroup.Procedure] = "18 – Thủ thuật",
        [BhytCostGroup.Other] = "19 – Dịch vụ khác",
    };

    private static CatalogField<T, BhytCostGroup> CostGroupField<T>(Func<T, BhytCostGroup> get, Action<T, BhytCostGroup> set)
        where T : Hospital.Domain.Common.CatalogEntry =>
        Fields<T>.Of("costGroup", "Nhóm chi phí BHYT (MA_NHOM)", FieldKinds.Choice(CostGroups, jsonAsNumber: true), get, set,
            required: true, inList: true, columns: ["ma_nhom", "nhom_chi_phi"]);

    /// <summary>The flag columns 24–27 of the BYT list, as one choice (also accepted by name: NotAsPrimary...).</summary>
    private static readonly Dictionary<Icd10PrimaryUse, string> Icd10PrimaryUses = new()
    {
        [Icd10PrimaryUse.Allowed] = "Được dùng",
        [Icd10PrimaryUse.NotAsPrimary] = "Không dùng làm bệnh chính",
        [Icd10PrimaryUse.Discouraged] = "Không khuyến khích làm bệnh chính",
        [Icd10PrimaryUse.Forbidden] = "Không sử dụng",
        [Icd10PrimaryUse.CauseOfDeathOnly] = "Chỉ ghi nguyên nhân tử vong",
    };

    /// <summary>Columns 28/29: a code for one sex only (blank or "Không giới hạn" for both).</summary>
    private static readonly Dictionary<Sex, string> Icd10Sexes = new()
    {
        [Sex.Unknown] = "Không giới hạn",
        [Sex.Male] = "Nam",
        [Sex.Female] = "Nữ",
    };

    public static CatalogDefinition<Icd10Code> Icd10 { get; } = new("icd10", "Mã bệnh ICD-10")
    {
        Source = "Danh mục ICD-10 của Bộ Y tế (MA_BENH trong XML giám định). Mã có † hoặc * là dòng riêng như bản gốc.",
        CodeLength = 10,
        CodeColumns = ["ma_benh"],
        NameColumns = ["name_vi", "ten_benh"],
        Extra =
        [
            Fields<Icd10Code>.Of("nameEn", "Tên tiếng Anh", FieldKinds.OptionalText(500), x => x.NameEn, (x, v) => x.NameEn = v,
                columns: ["disease_name_who_2019_english", "ten_tieng_anh"]),
            Fields<Icd10Code>.Of("chapter", "Chương", FieldKinds.OptionalText(10), x => x.Chapter, (x, v) => x.Chapter = v,
                inList: true, columns: ["stt_chuong"]),
            Fields<Icd10Code>.Of("groupCode", "Nhóm 3 ký tự", FieldKinds.OptionalText(10), x => x.GroupCode, (x, v) => x.GroupCode = v,
                inList: true, columns: ["group", "ma_nhom_benh_3_ky_tu", "ma_nhom_benh"]),
            Fields<Icd10Code>.Of("primaryUse", "Dùng làm bệnh chính", FieldKinds.Choice(Icd10PrimaryUses), x => x.PrimaryUse, (x, v) => x.PrimaryUse = v,
                columns: ["primary_use"]),
            Fields<Icd10Code>.Of("sex", "Chỉ dùng cho giới", FieldKinds.Choice(Icd10Sexes), x => x.SexRestriction ?? Sex.Unknown,
                (x, v) => x.SexRestriction = v is Sex.Male or Sex.Female ? v : null, columns: ["sex", "gioi_tinh"]),
        ],
        // A list without the flag columns (vn-emr-rx.md §6, cols 24–27) still marks asterisk codes:
        // by ICD-10's dagger/asterisk convention they name a manifestation and are never the main diagnosis.
        FillAbsent = (x, present) =>
        {
            if (!present.Contains("primaryUse") && x.Code.TrimEnd().EndsWith('*')) x.PrimaryUse = Icd10PrimaryUse.NotAsPrimary;
        },
    };

    /// <summary>Controlled-drug groups: they decide the prescription form and its day limits (TT 26/2025, TT 20/2017). The controlled-drug register names them the same way.</summary>
    internal static readonly Dictionary<DrugControlClass, string> ControlClasses = new()
    {
        [DrugControlClass.Ordinary] = "Thuốc thường",
        [DrugControlClass.Narcotic] = "Gây nghiện",
        [DrugControlClass.Psychotropic] = "Hướng thần",
        [DrugControlClass.Precursor] = "Tiền chất",
        [DrugControlClass.Herbal] = "Thuốc cổ truyền",
    };

    public static CatalogDefinition<MedicalService> Services { get; } = new("services", "Dịch vụ kỹ thuật")
    {
        Source = "MA_DICH_VU dạng XX.YYYY.ZZZZ theo QĐ 2010/QĐ-BYT (2025); giá theo quyết định giá của cơ sở.",
        CodeColumns = ["ma_dich_vu", "ma_dvkt"],
        NameColumns = ["ten_dich_vu", "ten_dvkt"],
        Extra =
        [
            CostGroupField<MedicalService>(x => x.CostGroup, (x, v) => x.CostGroup = v),
            Fields<MedicalService>.Of("unit", "Đơn vị tính", FieldKinds.Text(50), x => x.Unit, (x, v) => x.Unit = v,
                required: true, columns: ["don_vi_tinh", "dvt"]),
            Fields<MedicalService>.Of("price", "Đơn giá bệnh viện", FieldKinds.Money(), x => x.Price, (x, v) => x.Price = v,
                required: true, inList: true, columns: ["don_gia", "don_gia_bv", "gia"]),
            Fields<MedicalService>.Of("bhytPrice", "Đơn giá BHYT", FieldKinds.OptionalMoney(), x => x.BhytPrice, (x, v) => x.BhytPrice = v,
                inList: true, columns: ["don_gia_bh", "gia_bhyt"]),
            Fields<MedicalService>.Of("departmentCode", "Khoa thực hiện", FieldKinds.Department(), x => x.DepartmentId,
                (x, v) => x.DepartmentId = v, columns: ["department", "ma_khoa"]),
        ],
    };

    public static CatalogDefinition<Drug> Drugs { get; } = new("drugs", "Thuốc")
    {
        Source = "Các trường của XML2 (QĐ 130, QĐ 4750): MA_THUOC, TEN_THUOC, HAM_LUONG, DUONG_DUNG, DANG_BAO_CHE, SO_DANG_KY, TT_THAU; nhập được từ tệp kết quả lựa chọn nhà thầu.",
        CodeColumns = ["ma_thuoc"],
        NameColumns = ["ten_thuoc"],
        Extra =
        [
            Fields<Drug>.Of("activeIngredient", "Hoạt chất", FieldKinds.Text(500), x => x.ActiveIngredient, (x, v) => x.ActiveIngredient = v,
                inList: true, columns: ["hoat_chat", "ten_hoat_chat"]),
            Fields<Drug>.Of("controlClass", "Nhóm quản lý đặc biệt", FieldKinds.Choice(ControlClasses), x => x.ControlClass,
                (x, v) => x.ControlClass = v, inList: true, columns: ["nhom_quan_ly", "control_class"]),
            Fields<Drug>.Of("strength", "Hàm lượng", FieldKinds.OptionalText(200), x => x.Strength, (x, v) => x.Strength = v,
                inList: true, columns: ["ham_luong", "nong_do_ham_luong"]),
            Fields<Drug>.Of("routeCode", "Mã đường dùng", FieldKinds.OptionalText(10), x => x.RouteCode, (x, v) => x.RouteCode = v,
                columns: ["ma_duong_dung"]),
            Fields<Drug>.Of("route", "Đường dùng", FieldKinds.OptionalText(100), x => x.Route, (x, v) => x.Route = v,
                columns: ["duong_dung"]),
            Fields<Drug>.Of("unit", "Đơn vị tính", FieldKinds.Text(50), x => x.Unit, (x, v) => x.Unit = v,
                required: true, inList: true, columns: ["don_vi_tinh", "dvt"]),
            Fields<Drug>.Of("registrationNo", "Số đăng ký", FieldKinds.OptionalText(100), x => x.RegistrationNo,
                (x, v) => x.RegistrationNo = v, columns: ["so_dang_ky", "sdk", "so_dang_ky_gpnk", "so_dang_ky_hoac_gpnk", "gpnk"]),
            Fields<Drug>.Of("manufacturer", "Hãng, nước sản xuất", FieldKinds.OptionalText(300), x => x.Manufacturer,
                (x, v) => x.Manufacturer = v, columns: ["hang_san_xuat", "nha_san_xuat", "co_so_san_xuat", "hang_nuoc_san_xuat", "nuoc_san_xuat"]),
            Fields<Drug>.Of("dosageForm", "Dạng bào chế", FieldKinds.OptionalText(200), x => x.DosageForm, (x, v) => x.DosageForm = v,
                columns: ["dang_bao_che"]),
            Fields<Drug>.Of("packing", "Quy cách đóng gói", FieldKinds.OptionalText(200), x => x.Packing, (x, v) => x.Packing = v,
                columns: ["quy_cach_dong_goi", "quy_cach"]),
            Fields<Drug>.Of("storage", "Điều kiện bảo quản", FieldKinds.OptionalText(200), x => x.Storage, (x, v) => x.Storage = v,
                columns: ["dieu_kien_bao_quan", "bao_quan"]),
            // The bid result (kết quả lựa chọn nhà thầu) feeds TT_THAU of XML2: <decision>;G<package>;N<group>;<yyyy> (TenderReference).
            Fields<Drug>.Of("tenderDecision", "Số quyết định trúng thầu", FieldKinds.OptionalText(50), x => x.TenderDecision,
                (x, v) => x.TenderDecision = v, columns: ["so_quyet_dinh", "quyet_dinh_trung_thau", "so_qd"]),
            Fields<Drug>.Of("tenderPackage", "Gói thầu", FieldKinds.OptionalInteger(1, 99), x => x.TenderPackage, (x, v) => x.TenderPackage = v,
                columns: ["goi_thau"]),
            Fields<Drug>.Of("tenderGroup", "Nhóm thuốc (thầu)", FieldKinds.OptionalInteger(1, 99), x => x.TenderGroup, (x, v) => x.TenderGroup = v,
                columns: ["nhom_thuoc", "nhom_thau"]),
            Fields<Drug>.Of("tenderYear", "Năm thầu", FieldKinds.OptionalInteger(2000, 2100), x => x.TenderYear, (x, v) => x.TenderYear = v,
                columns: ["nam", "nam_thau"]),
            CostGroupField<Drug>(x => x.CostGroup, (x, v) => x.CostGroup = v),
            Fields<Drug>.Of("price", "Đơn giá", FieldKinds.Money(), x => x.Price, (x, v) => x.Price = v,
                required: true, inList: true, columns: ["don_gia", "gia", "don_gia_trung_thau"]),
            Fields<Drug>.Of("bhytPaymentRate", "Tỷ lệ thanh toán BHYT (%)", FieldKinds.Integer(0, 100), x => x.BhytPaymentRate,
                (x, v) => x.BhytPaymentRate = v, required: true, columns: ["tyle_tt_bh", "ty_le_tt_bh", "ty_le_thanh_toan"]),
            Fields<Drug>.Of("coveredByBhyt", "BHYT chi trả", FieldKinds.Flag(blank: false), x => x.CoveredByBhyt,
                (x, v) => x.CoveredByBhyt = v, columns: ["bhyt", "covered_by_bhyt"]),
        ],
    };

    public static CatalogDefinition<Supply> Supplies { get; } = new("supplies", "Vật tư y tế")
    {
        Source = "Các trường VTYT của XML3 (QĐ 130, QĐ 4750): MA_VAT_TU, TEN_VAT_TU, đơn vị, đơn giá.",
        CodeColumns = ["ma_vat_tu"],
        NameColumns = ["ten_vat_tu"],
        Extra =
        [
            Fields<Supply>.Of("unit", "Đơn vị tính", FieldKinds.Text(50), x => x.Unit, (x, v) => x.Unit = v,
                required: true, inList: true, columns: ["don_vi_tinh", "dvt"]),
            CostGroupField<Supply>(x => x.CostGroup, (x, v) => x.CostGroup = v),
            Fields<Supply>.Of("price", "Đơn giá", FieldKinds.Money(), x => x.Price, (x, v) => x.Price = v,
                required: true, inList: true, columns: ["don_gia", "gia"]),
            Fields<Supply>.Of("bhytCode", "Mã VTYT BHXH cấp", FieldKinds.OptionalText(255), x => x.BhytCode, (x, v) => x.BhytCode = v,
                columns: ["ma_vat_tu_bhxh", "ma_bhxh"]),
            Fields<Supply>.Of("coveredByBhyt", "BHYT chi trả", FieldKinds.Flag(blank: false), x => x.CoveredByBhyt,
                (x, v) => x.CoveredByBhyt = v, columns: ["bhyt", "covered_by_bhyt"]),
        ],
    };
}
