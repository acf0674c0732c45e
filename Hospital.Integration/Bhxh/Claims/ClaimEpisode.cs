namespace Hospital.Integration.Bhxh.Claims;

/// <summary>
/// Everything one claim (hồ sơ, one MA_LK) carries: the XML1 summary, the XML2 drug rows, the XML3
/// service and supply rows, the XML4 result indicators, the XML5 progress notes and, when the episode
/// has them, the papers XML7 (discharge), XML8 (record summary), XML13 (referral) and XML14 (re-exam
/// appointment). Plain values, already decided by the loader; the writers only format them and the
/// validator only judges them. Properties are named after the XML fields (bhyt-claims.md §3), times are
/// local Vietnam times (the XML has no zone), money is already split and rounded.
/// </summary>
public sealed record ClaimEpisode
{
    public required ClaimSummary Summary { get; init; }
    public IReadOnlyList<ClaimDrugRow> Drugs { get; init; } = [];
    public IReadOnlyList<ClaimServiceRow> Services { get; init; } = [];
    public IReadOnlyList<ClaimResultRow> Results { get; init; } = [];
    public IReadOnlyList<ClaimProgressNote> Notes { get; init; } = [];
    public ClaimDischargePaper? Discharge { get; init; }
    public ClaimRecordSummary? RecordSummary { get; init; }
    public ClaimReferralPaper? Referral { get; init; }
    public ClaimAppointmentPaper? Appointment { get; init; }
    /// <summary>Where the data came from, so each validation finding can point at the screen that fixes it.</summary>
    public required ClaimSources Sources { get; init; }
}

/// <summary>The database rows behind an episode (ids only; the web layer turns them into links).</summary>
public sealed record ClaimSources(int VisitId, int PatientId, int? ExamId, int? DoctorStaffId, int? DepartmentId = null);

/// <summary>XML1 TONG_HOP, one per episode (bhyt-claims.md §3.2).</summary>
public sealed record ClaimSummary
{
    public required string MaLk { get; init; }
    public int Stt { get; init; } = 1;
    public required string MaBn { get; init; }
    public required string HoTen { get; init; }
    public string? SoCccd { get; init; }
    /// <summary>Full date when known; otherwise only the year (day and month written as 0000).</summary>
    public DateOnly? NgaySinh { get; init; }
    public int NamSinh { get; init; }
    public int GioiTinh { get; init; }
    public string? NhomMau { get; init; }
    public string? MaQuocTich { get; init; }
    public string? MaDanToc { get; init; }
    public string? MaNgheNghiep { get; init; }
    public string? DiaChi { get; init; }
    public string? MaTinhCuTru { get; init; }
    public string? MaHuyenCuTru { get; init; }
    public string? MaXaCuTru { get; init; }
    public string? DienThoai { get; init; }
    public string? MaTheBhyt { get; init; }
    public string? MaDkbd { get; init; }
    public DateOnly? GtTheTu { get; init; }
    public DateOnly? GtTheDen { get; init; }
    public DateTime? NgayMienCct { get; init; }
    public string? LyDoVv { get; init; }
    public string? LyDoVnt { get; init; }
    public string? MaLyDoVnt { get; init; }
    public string? ChanDoanVao { get; init; }
    public string? ChanDoanRv { get; init; }
    public string? MaBenhChinh { get; init; }
    public string? MaBenhKt { get; init; }
    public string? MaBenhYhct { get; init; }
    public string? MaPtttQt { get; init; }
    public string? MaDoiTuongKcb { get; init; }
    public string? MaNoiDi { get; init; }
    public string? MaNoiDen { get; init; }
    public string? MaTaiNan { get; init; }
    public DateTime NgayVao { get; init; }
    public DateTime? NgayVaoNoiTru { get; init; }
    public DateTime NgayRa { get; init; }
    public string? GiayChuyenTuyen { get; init; }
    public int SoNgayDtri { get; init; }
    public string? PpDieuTri { get; init; }
    public int? KetQuaDtri { get; init; }
    public int MaLoaiRv { get; init; } = 1;
    public string? GhiChu { get; init; }
    public DateTime? NgayTtoan { get; init; }
    public decimal TThuoc { get; init; }
    public decimal TVtyt { get; init; }
    public decimal TTongChiBv { get; init; }
    public decimal TTongChiBh { get; init; }
    public decimal TBntt { get; init; }
    public decimal TBncct { get; init; }
    public decimal TBhtt { get; init; }
    public decimal TNguonKhac { get; init; }
    public decimal TBhttGdv { get; init; }
    public int NamQt { get; init; }
    public int ThangQt { get; init; }
    public string MaLoaiKcb { get; init; } = "01";
    public string? MaKhoa { get; init; }
    public required string MaCskcb { get; init; }
    public string? MaKhuVuc { get; init; }
    public decimal? CanNang { get; init; }
    public string? CanNangCon { get; init; }
    public DateOnly? NamNamLienTuc { get; init; }
    public string? NgayTaiKham { get; init; }
    public string? MaHsba { get; init; }
    public string? MaTtdv { get; init; }
    public string? DuPhong { get; init; }
}

/// <summary>The money fields every XML2/XML3 row carries (§3.3, §4.3).</summary>
public sealed record ClaimRowMoney(
    decimal ThanhTienBv, decimal ThanhTienBh, decimal TBhtt, decimal TBncct, decimal TBntt, decimal TNguonKhac, decimal MucHuong)
{
    /// <summary>T_NGUONKHAC split by source (NSNN, VTNN, VTTN, CL); the hospital's own fund is "remaining sources".</summary>
    public decimal TNguonKhacNsnn { get; init; }
    public decimal TNguonKhacVtnn { get; init; }
    public decimal TNguonKhacVttn { get; init; }
    public decimal TNguonKhacCl { get; init; } = TNguonKhac;
}

/// <summary>One XML2 CHI_TIET_THUOC row (§3.3).</summary>
public sealed record ClaimDrugRow
{
    public int Stt { get; init; }
    public required string MaThuoc { get; init; }
    public string? MaPpCheBien { get; init; }
    public string? MaCskcbThuoc { get; init; }
    public int MaNhom { get; init; }
    public required string TenThuoc { get; init; }
    public string? DonViTinh { get; init; }
    public string? HamLuong { get; init; }
    public string? DuongDung { get; init; }
    public string? DangBaoChe { get; init; }
    public string? LieuDung { get; init; }
    public string? CachDung { get; init; }
    public string? SoDangKy { get; init; }
    public string? TtThau { get; init; }
    public int PhamVi { get; init; } = 1;
    public decimal TyleTtBh { get; init; }
    public decimal SoLuong { get; init; }
    public decimal DonGia { get; init; }
    public required ClaimRowMoney Money { get; init; }
    public string? MaKhoa { get; init; }
    public string? MaBacSi { get; init; }
    public string? MaDichVu { get; init; }
    public DateTime NgayYl { get; init; }
    public DateTime? NgayThYl { get; init; }
    public int MaPttt { get; init; } = 1;
    public int NguonCtra { get; init; } = 1;
    public string? VetThuongTp { get; init; }
    public string? DuPhong { get; init; }
    /// <summary>The charge line and the prescriber's staff entry behind the row.</summary>
    public long ChargeId { get; init; }
    public int? OrderingStaffId { get; init; }
}

/// <summary>One XML3 CHI_TIET_DVKT row: a service, exam fee, bed day or supply (§3.4).</summary>
public sealed record ClaimServiceRow
{
    public int Stt { get; init; }
    public string? MaDichVu { get; init; }
    public string? MaPtttQt { get; init; }
    public string? MaVatTu { get; init; }
    public int MaNhom { get; init; }
    public string? GoiVtyt { get; init; }
    public string? TenVatTu { get; init; }
    public string? TenDichVu { get; init; }
    public string? MaXangDau { get; init; }
    public string? DonViTinh { get; init; }
    public int PhamVi { get; init; } = 1;
    public decimal SoLuong { get; init; }
    public decimal DonGiaBv { get; init; }
    public decimal? DonGiaBh { get; init; }
    public string? TtThau { get; init; }
    public decimal TyleTtDv { get; init; } = 100;
    public decimal TyleTtBh { get; init; }
    public decimal? TTrantt { get; init; }
    public required ClaimRowMoney Money { get; init; }
    public string? MaKhoa { get; init; }
    public string? MaGiuong { get; init; }
    public string? MaBacSi { get; init; }
    public string? NguoiThucHien { get; init; }
    public string? MaBenh { get; init; }
    public string? MaBenhYhct { get; init; }
    public DateTime NgayYl { get; init; }
    public DateTime? NgayThYl { get; init; }
    public DateTime? NgayKq { get; init; }
    public int MaPttt { get; init; } = 1;
    public string? VetThuongTp { get; init; }
    public int? PpVoCam { get; init; }
    public string? ViTriThDvkt { get; init; }
    public string? MaMay { get; init; }
    public string? MaHieuSp { get; init; }
    public int? TaiSuDung { get; init; }
    public string? DuPhong { get; init; }
    /// <summary>True for a supply row (MA_VAT_TU, TEN_VAT_TU) rather than a service row.</summary>
    public bool IsSupply { get; init; }
    public long ChargeId { get; init; }
    public int? OrderingStaffId { get; init; }
    public int? PerformingStaffId { get; init; }
}

/// <summary>One XML4 CHI_TIET_CLS row: an indicator of a lab/imaging result (§3.5).</summary>
public sealed record ClaimResultRow
{
    public int Stt { get; init; }
    public required string MaDichVu { get; init; }
    public string? MaChiSo { get; init; }
    public required string TenChiSo { get; init; }
    public string? GiaTri { get; init; }
    public string? DonViDo { get; init; }
    public string? MoTa { get; init; }
    public string? KetLuan { get; init; }
    public DateTime? NgayKq { get; init; }
    public string? MaBsDocKq { get; init; }
    public string? DuPhong { get; init; }
}

/// <summary>One XML5 CHI_TIET_DIEN_BIEN_BENH row (§3.6).</summary>
public sealed record ClaimProgressNote
{
    public int Stt { get; init; }
    public required string DienBienLs { get; init; }
    public string? GiaiDoanBenh { get; init; }
    public string? HoiChan { get; init; }
    public string? PhauThuat { get; init; }
    public DateTime ThoiDiemDbls { get; init; }
    public string? NguoiThucHien { get; init; }
    public string? DuPhong { get; init; }
}
