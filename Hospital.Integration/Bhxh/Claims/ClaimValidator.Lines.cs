using System.Globalization;

namespace Hospital.Integration.Bhxh.Claims;

// The row tables (XML2–XML5) and the papers: bhyt-claims.md §3.3–§3.6 and the §6 rejection rules
// (quantity, code in the approved catalogue, CCHN of the prescriber and of the performer for groups
// 1, 2, 3, 8, 18, order/execution/result times inside the visit).
public static partial class ClaimValidator
{
    private static void CheckDrugs(ClaimEpisode e, ClaimCatalog catalog, Findings f)
    {
        const string T = DrugTable.Type;
        foreach (var r in e.Drugs)
        {
            var where = $"Dòng thuốc {r.Stt} ({r.TenThuoc})";
            var charge = r.ChargeId.ToString(CultureInfo.InvariantCulture);
            f.Required(T, "MA_THUOC", r.MaThuoc, 255, ClaimFixSource.Charge, charge);
            f.Required(T, "TEN_THUOC", r.TenThuoc, 1024, ClaimFixSource.CatalogItem, r.MaThuoc);
            f.Required(T, "DON_VI_TINH", r.DonViTinh, 50, ClaimFixSource.CatalogItem, r.MaThuoc);
            if (r.MaNhom is not 7 and not 17)
            {
                f.Required(T, "HAM_LUONG", r.HamLuong, 1024, ClaimFixSource.CatalogItem, r.MaThuoc);
                f.Required(T, "DUONG_DUNG", r.DuongDung, 4, ClaimFixSource.CatalogItem, r.MaThuoc);
                // TT_THAU: required except groups 7 and 17 (QĐ 130/4750 XML2), from the bid result in the catalogue.
                f.Required(T, "TT_THAU", r.TtThau, 50, ClaimFixSource.CatalogItem, r.MaThuoc);
                if (r.TtThau is { Length: > 0 } tender && !Hospital.Domain.Catalog.TenderReference.IsWellFormed(tender))
                    f.Add(T, "TT_THAU", $"{where}: thông tin thầu \"{tender}\" không đúng dạng số quyết định;G<gói>;N<nhóm>;năm.", ClaimFixSource.CatalogItem, r.MaThuoc);
            }
            f.Required(T, "LIEU_DUNG", r.LieuDung, 1024, ClaimFixSource.Exam);
            if (!ClaimCodeLists.IsDrugGroup(r.MaNhom))
                f.Add(T, "MA_NHOM", $"{where}: nhóm chi phí {r.MaNhom} không phải nhóm thuốc (4, 5, 6, 7, 17).", ClaimFixSource.CatalogItem, r.MaThuoc);
            if (r.MaThuoc.Length > 0 && !catalog.KnowsDrug(r.MaThuoc, DateOnly.FromDateTime(r.NgayYl)))
                f.Add(T, "MA_THUOC", $"{where}: mã thuốc \"{r.MaThuoc}\" không có trong danh mục thuốc được duyệt vào ngày chỉ định.", ClaimFixSource.CatalogItem, r.MaThuoc);
            CheckRow(T, where, r.SoLuong, r.PhamVi, r.TyleTtBh, r.MaPttt, r.Money, r.MaKhoa, charge, f);
            if (!ClaimCodeLists.IsDrugSource(r.NguonCtra)) f.Add(T, "NGUON_CTRA", $"{where}: nguồn chi trả phải là 1–4.", ClaimFixSource.Charge, charge);
            CheckPractitioner(T, "MA_BAC_SI", where, r.MaBacSi, r.OrderingStaffId, charge, f);
            CheckTimes(T, where, e.Summary, r.NgayYl, r.NgayThYl, null, charge, f);
        }
    }

    private static void CheckServices(ClaimEpisode e, ClaimCatalog catalog, Findings f)
    {
        const string T = ServiceTable.Type;
        foreach (var r in e.Services)
        {
            var name = r.IsSupply ? r.TenVatTu : r.TenDichVu;
            var code = (r.IsSupply ? r.MaVatTu : r.MaDichVu) ?? "";
            var where = $"Dòng {r.Stt} ({name})";
            var charge = r.ChargeId.ToString(CultureInfo.InvariantCulture);
            var day = DateOnly.FromDateTime(r.NgayYl);
            if (r.IsSupply)
            {
                f.Required(T, "MA_VAT_TU", r.MaVatTu, 255, ClaimFixSource.Charge, charge);
                f.Required(T, "TEN_VAT_TU", r.TenVatTu, 1024, ClaimFixSource.CatalogItem, code);
                if (code.Length > 0 && !catalog.KnowsSupply(code, day))
                    f.Add(T, "MA_VAT_TU", $"{where}: mã vật tư \"{code}\" không có trong danh mục vật tư được duyệt vào ngày chỉ định.", ClaimFixSource.CatalogItem, code);
            }
            else
            {
                f.Required(T, "MA_DICH_VU", r.MaDichVu, 50, ClaimFixSource.Charge, charge);
                f.Required(T, "TEN_DICH_VU", r.TenDichVu, 1024, ClaimFixSource.CatalogItem, code);
                if (code.Length > 0 && !catalog.KnowsService(code, day))
                    f.Add(T, "MA_DICH_VU", $"{where}: mã dịch vụ \"{code}\" không có trong danh mục dịch vụ kỹ thuật được duyệt vào ngày chỉ định.", ClaimFixSource.CatalogItem, code);
            }
            f.Required(T, "DON_VI_TINH", r.DonViTinh, 50, ClaimFixSource.CatalogItem, code);
            if (!ClaimCodeLists.IsServiceGroup(r.MaNhom))
                f.Add(T, "MA_NHOM", $"{where}: nhóm chi phí {r.MaNhom} không thuộc bảng dịch vụ/vật tư.", ClaimFixSource.CatalogItem, code);
            if (r.TyleTtDv is <= 0 or > 100) f.Add(T, "TYLE_TT_DV", $"{where}: tỷ lệ thanh toán dịch vụ phải từ 1 đến 100.", ClaimFixSource.Charge, charge);
            CheckRow(T, where, r.SoLuong, r.PhamVi, r.TyleTtBh, r.MaPttt, r.Money, r.MaKhoa, charge, f);
            CheckPractitioner(T, "MA_BAC_SI", where, r.MaBacSi, r.OrderingStaffId, charge, f);
            if (ClaimCodeLists.NeedsPerformer(r.MaNhom))
            {
                CheckPractitioner(T, "NGUOI_THUC_HIEN", where, r.NguoiThucHien, r.PerformingStaffId, charge, f);
                if (r.NgayThYl is null) f.Add(T, "NGAY_TH_YL", $"{where}: chưa có thời điểm thực hiện (bắt buộc với xét nghiệm, CĐHA, TDCN, phẫu thuật, thủ thuật).", ClaimFixSource.Charge, charge);
            }
            CheckTimes(T, where, e.Summary, r.NgayYl, r.NgayThYl, r.NgayKq, charge, f);
        }
    }

    private static void CheckClinical(ClaimEpisode e, Findings f)
    {
        foreach (var r in e.Results)
        {
            var where = $"Chỉ số {r.Stt} ({r.TenChiSo})";
            f.Required(ClinicalTables.ResultsType, "MA_DICH_VU", r.MaDichVu, 50, ClaimFixSource.Charge);
            f.Required(ClinicalTables.ResultsType, "TEN_CHI_SO", r.TenChiSo, 255, ClaimFixSource.Charge);
            if (!string.IsNullOrWhiteSpace(r.GiaTri) && r.NgayKq is null)
                f.Add(ClinicalTables.ResultsType, "NGAY_KQ", $"{where}: có giá trị kết quả thì phải có thời điểm trả kết quả.", ClaimFixSource.Charge);
        }
        foreach (var n in e.Notes)
        {
            f.Required(ClinicalTables.NotesType, "DIEN_BIEN_LS", n.DienBienLs, null, ClaimFixSource.Exam);
            f.Required(ClinicalTables.NotesType, "NGUOI_THUC_HIEN", n.NguoiThucHien, 255, ClaimFixSource.Exam);
        }
    }

    private static void CheckPapers(ClaimEpisode e, Findings f)
    {
        if (e.Referral is { } r && (r.MaCskcbDen is not { Length: 5 }))
            f.Add(PaperTables.ReferralType, "MA_CSKCB_DEN", "Giấy chuyển tuyến thiếu mã cơ sở KCB chuyển đến (5 ký tự).", ClaimFixSource.Exam);
        if (e.Appointment is { } a && a.NgayHenKl <= DateOnly.FromDateTime(e.Summary.NgayRa))
            f.Add(PaperTables.AppointmentType, "NGAY_HEN_KL", "Ngày hẹn khám lại phải sau ngày kết thúc khám.", ClaimFixSource.Exam);
    }

    /// <summary>What every XML2/XML3 row must satisfy: a quantity, the small code lists, the department and the line's own money reconciling.</summary>
    private static void CheckRow(string table, string where, decimal quantity, int scope, decimal ratio, int method, ClaimRowMoney m, string? department, string charge, Findings f)
    {
        if (quantity <= 0) f.Add(table, "SO_LUONG", $"{where}: số lượng bằng 0 (hoặc âm); sửa hoặc hủy dòng chi phí.", ClaimFixSource.Charge, charge);
        if (!ClaimCodeLists.IsScope(scope)) f.Add(table, "PHAM_VI", $"{where}: phạm vi phải là 1, 2 hoặc 3.", ClaimFixSource.Charge, charge);
        if (ratio is < 0 or > 100) f.Add(table, "TYLE_TT_BH", $"{where}: tỷ lệ thanh toán BHYT phải từ 0 đến 100.", ClaimFixSource.Charge, charge);
        if (!ClaimCodeLists.IsPaymentMethod(method)) f.Add(table, "MA_PTTT", $"{where}: phương thức thanh toán phải là 1, 2 hoặc 3.", ClaimFixSource.Charge, charge);
        if (string.IsNullOrWhiteSpace(department)) f.Add(table, "MA_KHOA", $"{where}: thiếu mã khoa (khoa chưa khai báo mã BHYT).", ClaimFixSource.Facility);
        if (m.ThanhTienBv != m.TBhtt + m.TBncct + m.TBntt + m.TNguonKhac)
            f.Add(table, "THANH_TIEN_BV", $"{where}: thành tiền ({ClaimXmlWriter.Format.Money(m.ThanhTienBv)}) khác tổng quỹ trả + cùng chi trả + tự trả + nguồn khác.", ClaimFixSource.Charge, charge);
        if (m.TNguonKhac != m.TNguonKhacNsnn + m.TNguonKhacVtnn + m.TNguonKhacVttn + m.TNguonKhacCl)
            f.Add(table, "T_NGUONKHAC", $"{where}: T_NGUONKHAC khác tổng bốn nguồn khác.", ClaimFixSource.Charge, charge);
    }

    /// <summary>MA_BAC_SI / NGUOI_THUC_HIEN carry practising-certificate codes (CCHN) the facility registered on the portal.</summary>
    private static void CheckPractitioner(string table, string field, string where, string? code, int? staffId, string charge, Findings f)
    {
        if (!string.IsNullOrWhiteSpace(code)) { f.MaxLength(table, field, code, 255, ClaimFixSource.Staff, staffId?.ToString(CultureInfo.InvariantCulture)); return; }
        var who = field == "MA_BAC_SI" ? "người chỉ định" : "người thực hiện";
        if (staffId is { } id)
            f.Add(table, field, $"{where}: {who} chưa có mã chứng chỉ hành nghề (CCHN).", ClaimFixSource.Staff, id.ToString(CultureInfo.InvariantCulture));
        else
            f.Add(table, field, $"{where}: chưa ghi {who} (cần mã chứng chỉ hành nghề).", ClaimFixSource.Charge, charge);
    }

    /// <summary>Orders inside the visit (not before arrival, not after its end), execution and result not before the order, result not after the end (§6).</summary>
    private static void CheckTimes(string table, string where, ClaimSummary s, DateTime ordered, DateTime? performed, DateTime? resulted, string charge, Findings f)
    {
        if (ordered < s.NgayVao)
            f.Add(table, "NGAY_YL", $"{where}: chỉ định lúc {Show(ordered)}, trước khi người bệnh vào viện ({Show(s.NgayVao)}).", ClaimFixSource.Charge, charge);
        if (ordered > s.NgayRa)
            f.Add(table, "NGAY_YL", $"{where}: chỉ định lúc {Show(ordered)}, sau khi kết thúc khám ({Show(s.NgayRa)}).", ClaimFixSource.Charge, charge);
        if (performed is { } p && p < ordered)
            f.Add(table, "NGAY_TH_YL", $"{where}: thực hiện lúc {Show(p)}, trước khi chỉ định ({Show(ordered)}).", ClaimFixSource.Charge, charge);
        if (resulted is { } r)
        {
            if (r < ordered) f.Add(table, "NGAY_KQ", $"{where}: trả kết quả lúc {Show(r)}, trước khi chỉ định ({Show(ordered)}).", ClaimFixSource.Charge, charge);
            if (r > s.NgayRa) f.Add(table, "NGAY_KQ", $"{where}: trả kết quả lúc {Show(r)}, sau khi kết thúc khám ({Show(s.NgayRa)}).", ClaimFixSource.Charge, charge);
        }
    }
}
