using Hospital.Integration.Bhxh.Claims;

namespace Hospital.Tests.Claims;

/// <summary>
/// A demo-like outpatient BHYT episode that passes the validator: an 80% card, the exam fee, a blood
/// count with its performer and two released values, and a drug with a prescription dose. Money is
/// split as the coverage calculator splits it (THANH_TIEN_BV = T_BHTT + T_BNCCT + T_BNTT).
/// </summary>
internal static class ClaimEpisodes
{
    public static readonly DateTime Arrived = new(2026, 11, 20, 7, 30, 0);
    public static readonly DateTime Concluded = new(2026, 11, 20, 10, 15, 0);
    public const int DoctorId = 11;
    public const int LabTechId = 12;

    public static ClaimCatalog Catalog(params string[] withoutServices)
    {
        var services = new[] { "02.1896.1888", "22.0120.1370" }.Except(withoutServices)
            .ToDictionary(c => c, _ => new CatalogValidity(null, null));
        return new ClaimCatalog(services,
            new Dictionary<string, CatalogValidity> { ["40.15"] = new(new DateOnly(2026, 1, 1), null) },
            new Dictionary<string, CatalogValidity>(),
            new HashSet<string> { "1.1", "1.3", "2", "3.3" });
    }

    /// <summary>Money of a line at 80%: in-scope BH split 80/20, the rest patient-paid.</summary>
    public static ClaimRowMoney Split(decimal bv, decimal bh, decimal rate = 80)
    {
        var bhtt = decimal.Round(bh * rate / 100, 2, MidpointRounding.AwayFromZero);
        return new ClaimRowMoney(bv, bh, bhtt, bh - bhtt, bv - bh, 0, rate);
    }

    public static ClaimEpisode Valid()
    {
        var exam = Split(38_700, 38_700);
        var lab = Split(46_200, 46_200);
        var drug = Split(12_450.5m, 12_450.5m);
        var drugs = new List<ClaimDrugRow>
        {
            new()
            {
                Stt = 1, MaThuoc = "40.15", MaNhom = 4, TenThuoc = "Paracetamol 500mg", DonViTinh = "Viên", HamLuong = "500mg",
                DuongDung = "1.01", LieuDung = "1 Viên/lần * 3 lần/ngày * 5 ngày", SoDangKy = "VD-12345-10", TtThau = "125/QĐ-BV;G1;N4;2026", PhamVi = 1, TyleTtBh = 100,
                SoLuong = 15, DonGia = 830.033m, Money = drug, MaKhoa = "K01", MaBacSi = "000123/HNO-CCHN",
                NgayYl = new DateTime(2026, 11, 20, 10, 0, 0), ChargeId = 3, OrderingStaffId = DoctorId,
            },
        };
        var services = new List<ClaimServiceRow>
        {
            new()
            {
                Stt = 1, MaDichVu = "02.1896.1888", TenDichVu = "Khám Nội", MaNhom = 13, DonViTinh = "Lần", SoLuong = 1,
                DonGiaBv = 38_700, DonGiaBh = 38_700, TyleTtBh = 100, Money = exam, MaKhoa = "K01", MaBacSi = "000123/HNO-CCHN",
                NgayYl = Arrived.AddMinutes(5), ChargeId = 1, OrderingStaffId = DoctorId,
            },
            new()
            {
                Stt = 2, MaDichVu = "22.0120.1370", TenDichVu = "Tổng phân tích tế bào máu ngoại vi", MaNhom = 1, DonViTinh = "Lần", SoLuong = 1,
                DonGiaBv = 46_200, DonGiaBh = 46_200, TyleTtBh = 100, Money = lab, MaKhoa = "K26", MaBacSi = "000123/HNO-CCHN",
                NguoiThucHien = "000456/HNO-CCHN", NgayYl = Arrived.AddMinutes(40), NgayThYl = Arrived.AddMinutes(55), NgayKq = Arrived.AddMinutes(90),
                ChargeId = 2, OrderingStaffId = DoctorId, PerformingStaffId = LabTechId,
            },
        };
        var all = new[] { exam, lab, drug };
        return new ClaimEpisode
        {
            Summary = new ClaimSummary
            {
                MaLk = "LK2611200001", MaBn = "BN000123", HoTen = "Nguyễn Thị Hoa", SoCccd = "001185012345",
                NgaySinh = new DateOnly(1985, 3, 14), NamSinh = 1985, GioiTinh = 2, MaQuocTich = "000", MaDanToc = "01", MaNgheNghiep = "00000",
                DiaChi = "Số 5 ngõ 12, Phường Hoàn Kiếm, Thành phố Hà Nội", MaTinhCuTru = "01", MaXaCuTru = "00070", DienThoai = "0912345678",
                MaTheBhyt = "DN4010123456789", MaDkbd = "01001", GtTheTu = new DateOnly(2026, 1, 1), GtTheDen = new DateOnly(2026, 12, 31),
                LyDoVv = "Sốt, ho 3 ngày", ChanDoanVao = "Viêm họng cấp", ChanDoanRv = "Viêm họng cấp", MaBenhChinh = "J02.9", MaBenhKt = "R50.9",
                MaDoiTuongKcb = "1.1", NgayVao = Arrived, NgayRa = Concluded, SoNgayDtri = 0, KetQuaDtri = 2, MaLoaiRv = 1,
                TThuoc = drug.ThanhTienBv, TVtyt = 0,
                TTongChiBv = all.Sum(m => m.ThanhTienBv), TTongChiBh = all.Sum(m => m.ThanhTienBh), TBntt = all.Sum(m => m.TBntt),
                TBncct = all.Sum(m => m.TBncct), TBhtt = all.Sum(m => m.TBhtt), TNguonKhac = 0, TBhttGdv = all.Sum(m => m.TBhtt),
                NamQt = 2026, ThangQt = 11, MaLoaiKcb = "01", MaKhoa = "K01", MaCskcb = "01001", CanNang = 52.5m, MaHsba = "KB2611200001",
            },
            Drugs = drugs,
            Services = services,
            Results =
            [
                new() { Stt = 1, MaDichVu = "22.0120.1370", TenChiSo = "WBC", GiaTri = "7.2", DonViDo = "G/L", NgayKq = Arrived.AddMinutes(90), MaBsDocKq = "000456/HNO-CCHN" },
                new() { Stt = 2, MaDichVu = "22.0120.1370", TenChiSo = "HGB", GiaTri = "128", DonViDo = "g/L", NgayKq = Arrived.AddMinutes(90), MaBsDocKq = "000456/HNO-CCHN" },
            ],
            Appointment = new ClaimAppointmentPaper { SoGiayHenKl = "KB2611200001", NgayHenKl = new DateOnly(2026, 11, 27), MaBacSi = "000123/HNO-CCHN", NgayCt = new DateOnly(2026, 11, 20) },
            Sources = new ClaimSources(VisitId: 7, PatientId: 5, ExamId: 9, DoctorStaffId: DoctorId, DepartmentId: 1),
        };
    }

    public static ClaimEpisode WithService(this ClaimEpisode e, int index, Func<ClaimServiceRow, ClaimServiceRow> change) =>
        e with { Services = e.Services.Select((r, i) => i == index ? change(r) : r).ToList() };

    public static ClaimEpisode WithSummary(this ClaimEpisode e, Func<ClaimSummary, ClaimSummary> change) => e with { Summary = change(e.Summary) };
}
