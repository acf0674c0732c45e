using System.Globalization;
using System.Text.RegularExpressions;

namespace Hospital.Integration.Bhxh.Claims;

/// <summary>
/// The pre-check of a claim before it is signed and sent (bhyt-claims.md §3 field rules, §4.1 code
/// lists, §6 common rejection reasons): required fields, maximum lengths, formats, code lists, time
/// order, card validity on each service date, codes in the approved catalogue, practising-certificate
/// codes, and that XML1's totals are the sums of its lines. Pure: every problem becomes a
/// <see cref="ClaimFinding"/> with a Vietnamese message and the kind of source data that fixes it.
/// </summary>
public static partial class ClaimValidator
{
    /// <summary>MA_BENH_KT holds at most 12 secondary codes (QĐ 4750 Bảng 1).</summary>
    public const int MaxSecondaryDiagnoses = 12;

    public static IReadOnlyList<ClaimFinding> Validate(ClaimEpisode e, ClaimCatalog catalog)
    {
        var f = new Findings();
        CheckSummary(e, catalog, f);
        CheckDrugs(e, catalog, f);
        CheckServices(e, catalog, f);
        CheckClinical(e, f);
        CheckPapers(e, f);
        CheckTotals(e, f);
        return f.List;
    }

    private static void CheckSummary(ClaimEpisode e, ClaimCatalog catalog, Findings f)
    {
        const string T = SummaryTable.Type;
        var s = e.Summary;
        var patient = e.Sources.PatientId.ToString(CultureInfo.InvariantCulture);
        f.Required(T, "MA_LK", s.MaLk, 100, ClaimFixSource.Visit);
        f.Required(T, "MA_BN", s.MaBn, 100, ClaimFixSource.Patient, patient);
        f.Required(T, "HO_TEN", s.HoTen, 255, ClaimFixSource.Patient, patient);
        if (s.NgaySinh is null && s.NamSinh is < 1900 or > 9999) f.Add(T, "NGAY_SINH", "Thiếu ngày/năm sinh của người bệnh.", ClaimFixSource.Patient, patient);
        if (!ClaimCodeLists.IsSex(s.GioiTinh)) f.Add(T, "GIOI_TINH", "Giới tính phải là 1 (nam), 2 (nữ) hoặc 3 (chưa xác định).", ClaimFixSource.Patient, patient);
        if (s.SoCccd is { Length: > 0 } id && !CitizenId().IsMatch(id))
            f.Add(T, "SO_CCCD", "Số CCCD phải có 9 hoặc 12 chữ số (hoặc hộ chiếu: 1 chữ in hoa và 7 chữ số).", ClaimFixSource.Patient, patient);
        f.Required(T, "MA_QUOCTICH", s.MaQuocTich, 3, ClaimFixSource.Patient, patient);
        f.Required(T, "MA_DANTOC", s.MaDanToc, 2, ClaimFixSource.Patient, patient);
        f.Required(T, "MA_NGHE_NGHIEP", s.MaNgheNghiep, 5, ClaimFixSource.Patient, patient);
        f.Required(T, "DIA_CHI", s.DiaChi, 1024, ClaimFixSource.Patient, patient);
        f.Required(T, "MATINH_CU_TRU", s.MaTinhCuTru, 3, ClaimFixSource.Patient, patient);
        // MAHUYEN_CU_TRU: districts were abolished on 01/07/2025 and BHXH has not said what to send ⚠: not required.
        f.MaxLength(T, "MAHUYEN_CU_TRU", s.MaHuyenCuTru, 3, ClaimFixSource.Patient, patient);
        f.Required(T, "MAXA_CU_TRU", s.MaXaCuTru, 5, ClaimFixSource.Patient, patient);
        f.MaxLength(T, "DIEN_THOAI", s.DienThoai, 15, ClaimFixSource.Patient, patient);
        CheckCard(e, f);

        f.Required(T, "LY_DO_VV", s.LyDoVv, null, ClaimFixSource.Visit);
        f.Required(T, "CHAN_DOAN_VAO", s.ChanDoanVao, null, ClaimFixSource.Exam);
        f.Required(T, "CHAN_DOAN_RV", s.ChanDoanRv, null, ClaimFixSource.Exam);
        if (string.IsNullOrWhiteSpace(s.MaBenhChinh))
            f.Add(T, "MA_BENH_CHINH", "Chưa có chẩn đoán chính (mã ICD-10): bác sĩ cần ghi chẩn đoán trong hồ sơ khám.", ClaimFixSource.Exam);
        else if (!Icd10().IsMatch(s.MaBenhChinh))
            f.Add(T, "MA_BENH_CHINH", $"Mã bệnh chính \"{s.MaBenhChinh}\" không đúng dạng mã ICD-10 (tối đa 7 ký tự).", ClaimFixSource.Exam);
        if (s.MaBenhKt is { Length: > 0 } kt)
        {
            var codes = kt.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (codes.Length > MaxSecondaryDiagnoses)
                f.Add(T, "MA_BENH_KT", $"Có {codes.Length} mã bệnh kèm theo; tối đa {MaxSecondaryDiagnoses} mã.", ClaimFixSource.Exam);
            f.MaxLength(T, "MA_BENH_KT", kt, 100, ClaimFixSource.Exam);
            foreach (var c in codes.Where(c => !Icd10().IsMatch(c)))
                f.Add(T, "MA_BENH_KT", $"Mã bệnh kèm theo \"{c}\" không đúng dạng mã ICD-10.", ClaimFixSource.Exam);
        }
        if (string.IsNullOrWhiteSpace(s.MaDoiTuongKcb))
            f.Add(T, "MA_DOITUONG_KCB", "Thiếu mã đối tượng KCB (MA_DOITUONG_KCB) của lượt khám.", ClaimFixSource.Visit);
        else if (!catalog.KnowsBenefitCategory(s.MaDoiTuongKcb))
            f.Add(T, "MA_DOITUONG_KCB", $"Mã đối tượng KCB \"{s.MaDoiTuongKcb}\" không có trong danh mục đang hiệu lực (QĐ 3276).", ClaimFixSource.Visit);
        f.MaxLength(T, "MA_NOI_DI", s.MaNoiDi, 5, ClaimFixSource.Visit);
        f.MaxLength(T, "MA_NOI_DEN", s.MaNoiDen, 5, ClaimFixSource.Exam);
        f.MaxLength(T, "GIAY_CHUYEN_TUYEN", s.GiayChuyenTuyen, 50, ClaimFixSource.Visit);

        if (s.NgayRa < s.NgayVao)
            f.Add(T, "NGAY_RA", $"Thời điểm kết thúc khám ({Show(s.NgayRa)}) trước thời điểm vào ({Show(s.NgayVao)}).", ClaimFixSource.Exam);
        if (s.NgayVaoNoiTru is { } vnt && vnt < s.NgayVao)
            f.Add(T, "NGAY_VAO_NOI_TRU", "Thời điểm vào điều trị trước thời điểm vào viện.", ClaimFixSource.Visit);
        if (s.NgayVaoNoiTru is not null && string.IsNullOrWhiteSpace(s.LyDoVnt))
            f.Add(T, "LY_DO_VNT", "Có thời điểm vào điều trị thì phải có lý do vào điều trị.", ClaimFixSource.Visit);
        if (!ClaimCodeLists.IsOutcome(s.KetQuaDtri))
            f.Add(T, "KET_QUA_DTRI", "Chưa có kết quả điều trị (mã 1–8) trong hồ sơ khám.", ClaimFixSource.Exam);
        if (!ClaimCodeLists.IsDischargeKind(s.MaLoaiRv))
            f.Add(T, "MA_LOAI_RV", "Loại ra viện phải là mã 1–5.", ClaimFixSource.Exam);
        if (!ClaimCodeLists.IsVisitType(s.MaLoaiKcb, DateOnly.FromDateTime(s.NgayRa)))
            f.Add(T, "MA_LOAI_KCB", $"Mã loại KCB \"{s.MaLoaiKcb}\" không có trong danh mục.", ClaimFixSource.Visit);
        if (s.ThangQt is < 1 or > 12 || s.NamQt is < 2000 or > 9999)
            f.Add(T, "THANG_QT", "Tháng/năm quyết toán không hợp lệ.", ClaimFixSource.Exam);
        f.Required(T, "MA_KHOA", s.MaKhoa, 50, ClaimFixSource.Facility);
        if (s.MaCskcb is not { Length: 5 } || !s.MaCskcb.All(char.IsAsciiDigit))
            f.Add(T, "MA_CSKCB", "Mã cơ sở KCB (MACSKCB) phải gồm 5 chữ số: khai báo trong thông tin cơ sở.", ClaimFixSource.Facility);
        if (s.CanNang is not { } kg || kg <= 0)
            f.Add(T, "CAN_NANG", "Chưa có cân nặng của người bệnh: ghi dấu hiệu sinh tồn trong hồ sơ khám.", ClaimFixSource.Exam);
        else if (ClaimXmlWriter.Format.Money(kg)!.Length > 6)
            f.Add(T, "CAN_NANG", "Cân nặng dài quá 6 ký tự.", ClaimFixSource.Exam);
        f.Required(T, "MA_HSBA", s.MaHsba, 100, ClaimFixSource.Visit);
    }

    /// <summary>MA_THE_BHYT 15 characters (§5), MA_DKBD 5, and the card valid on every day a service was ordered.</summary>
    private static void CheckCard(ClaimEpisode e, Findings f)
    {
        const string T = SummaryTable.Type;
        var s = e.Summary;
        if (string.IsNullOrWhiteSpace(s.MaTheBhyt))
        {
            f.Add(T, "MA_THE_BHYT", "Lượt khám BHYT chưa có mã thẻ BHYT.", ClaimFixSource.Visit);
            return;
        }
        if (!CardCode().IsMatch(s.MaTheBhyt))
            f.Add(T, "MA_THE_BHYT", $"Mã thẻ BHYT \"{s.MaTheBhyt}\" phải gồm 15 ký tự (2 chữ cái, 13 chữ số).", ClaimFixSource.Visit);
        if (s.MaDkbd is not { Length: 5 })
            f.Add(T, "MA_DKBD", "Mã nơi đăng ký KCB ban đầu phải có 5 ký tự.", ClaimFixSource.Visit);
        if (s.GtTheTu is null || s.GtTheDen is null)
        {
            f.Add(T, "GT_THE_DEN", "Thiếu thời hạn sử dụng của thẻ BHYT.", ClaimFixSource.Visit);
            return;
        }
        var days = e.Drugs.Select(d => DateOnly.FromDateTime(d.NgayYl))
            .Concat(e.Services.Select(x => DateOnly.FromDateTime(x.NgayYl)))
            .Append(DateOnly.FromDateTime(s.NgayVao)).Distinct().Order();
        foreach (var day in days)
        {
            if (day > s.GtTheDen)
                f.Add(T, "GT_THE_DEN", $"Thẻ BHYT đã hết hạn ngày {Show(s.GtTheDen.Value)} nhưng có chi phí ngày {Show(day)}.", ClaimFixSource.Visit);
            else if (day < s.GtTheTu)
                f.Add(T, "GT_THE_TU", $"Thẻ BHYT chỉ có giá trị từ ngày {Show(s.GtTheTu.Value)} nhưng có chi phí ngày {Show(day)}.", ClaimFixSource.Visit);
        }
    }

    /// <summary>
    /// XML1 totals are the sums of the lines and T_BHTT = T_TONGCHI_BH − T_BNCCT (§3.2, §4.3), and each line
    /// reconciles: THANH_TIEN_BV = T_BHTT + T_BNCCT + T_BNTT + T_NGUONKHAC (our invariant, case a).
    /// </summary>
    private static void CheckTotals(ClaimEpisode e, Findings f)
    {
        const string T = SummaryTable.Type;
        var s = e.Summary;
        var money = e.Drugs.Select(d => d.Money).Concat(e.Services.Select(x => x.Money)).ToList();
        void Sum(string field, decimal stated, decimal lines)
        {
            if (stated != lines)
                f.Add(T, field, $"{field} = {ClaimXmlWriter.Format.Money(stated)} khác tổng các dòng chi tiết ({ClaimXmlWriter.Format.Money(lines)}).", ClaimFixSource.Charge);
        }
        Sum("T_THUOC", s.TThuoc, e.Drugs.Sum(d => d.Money.ThanhTienBv));
        Sum("T_VTYT", s.TVtyt, e.Services.Where(x => ClaimCodeLists.IsSupplyGroup(x.MaNhom)).Sum(x => x.Money.ThanhTienBv));
        Sum("T_TONGCHI_BV", s.TTongChiBv, money.Sum(m => m.ThanhTienBv));
        Sum("T_TONGCHI_BH", s.TTongChiBh, money.Sum(m => m.ThanhTienBh));
        Sum("T_BNTT", s.TBntt, money.Sum(m => m.TBntt));
        Sum("T_BNCCT", s.TBncct, money.Sum(m => m.TBncct));
        Sum("T_NGUONKHAC", s.TNguonKhac, money.Sum(m => m.TNguonKhac));
        Sum("T_BHTT_GDV", s.TBhttGdv, e.Drugs.Where(d => d.MaPttt == 1).Sum(d => d.Money.TBhtt) + e.Services.Where(x => x.MaPttt == 1).Sum(x => x.Money.TBhtt));
        if (s.TBhtt != s.TTongChiBh - s.TBncct)
            f.Add(T, "T_BHTT", $"T_BHTT ({ClaimXmlWriter.Format.Money(s.TBhtt)}) phải bằng T_TONGCHI_BH − T_BNCCT ({ClaimXmlWriter.Format.Money(s.TTongChiBh - s.TBncct)}).", ClaimFixSource.Charge);
        Sum("T_BHTT", s.TBhtt, money.Sum(m => m.TBhtt));
    }

    private static string Show(DateTime t) => t.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
    private static string Show(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{9}|\d{12}|[A-Z]\d{7})$")]
    private static partial Regex CitizenId();
    [GeneratedRegex(@"^[A-Z]{2}\d{13}$")]
    private static partial Regex CardCode();
    /// <summary>An ICD-10 code as the portal takes it: a letter, two digits, optionally a dot and up to 3 more characters (7 at most).</summary>
    [GeneratedRegex(@"^[A-Z]\d{2}(\.?[0-9A-Z]{1,3})?$")]
    private static partial Regex Icd10();

    /// <summary>Collects findings; the helpers word the common ones the same way everywhere.</summary>
    private sealed class Findings
    {
        public List<ClaimFinding> List { get; } = [];

        public void Add(string table, string field, string message, ClaimFixSource source, string? key = null) =>
            List.Add(new ClaimFinding(table, field, message, source, key));

        public void Required(string table, string field, string? value, int? maxLength, ClaimFixSource source, string? key = null)
        {
            if (string.IsNullOrWhiteSpace(value)) Add(table, field, $"Thiếu {field} ({FieldNames.Of(field)}).", source, key);
            else if (maxLength is { } max) MaxLength(table, field, value, max, source, key);
        }

        public void MaxLength(string table, string field, string? value, int max, ClaimFixSource source, string? key = null)
        {
            if (value is not null && value.Length > max)
                Add(table, field, $"{field} ({FieldNames.Of(field)}) dài {value.Length} ký tự, tối đa {max}.", source, key);
        }
    }
}
