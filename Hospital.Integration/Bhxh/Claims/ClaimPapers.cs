namespace Hospital.Integration.Bhxh.Claims;

// The papers of an episode (XML7, XML8, XML13, XML14). The spec (bhyt-claims.md §1.2) gives only their
// element names; the field lists below are the QĐ 4750 appendix as amended by QĐ 3176, read from the
// structure tables of tracnn/qlbv_public (Xml3176Xml7/8/13/14) ⚠ confirm against the portal XSD.
// Patient and episode fields the papers repeat (name, birth date, card, dates, diagnoses) are taken from
// the XML1 summary by the writer, so they can never disagree with it.

/// <summary>XML7 giấy ra viện (discharge paper).</summary>
public sealed record ClaimDischargePaper
{
    public string? SoLuuTru { get; init; }
    public string? MaYte { get; init; }
    public string? MaKhoaRv { get; init; }
    public int? MaDinhChiThai { get; init; }
    public string? NguyenNhanDinhChi { get; init; }
    public DateTime? ThoiGianDinhChi { get; init; }
    public int? TuoiThai { get; init; }
    public string? PpDieuTri { get; init; }
    public string? GhiChu { get; init; }
    public string? MaTtdv { get; init; }
    public string? MaBs { get; init; }
    public string? TenBs { get; init; }
    public DateOnly NgayCt { get; init; }
    public string? MaCha { get; init; }
    public string? MaMe { get; init; }
    public string? MaTheTam { get; init; }
    public string? HoTenCha { get; init; }
    public string? HoTenMe { get; init; }
    public int? SoNgayNghi { get; init; }
    public DateOnly? NgoaiTruTuNgay { get; init; }
    public DateOnly? NgoaiTruDenNgay { get; init; }
}

/// <summary>XML8 tóm tắt hồ sơ bệnh án (record summary; inpatient, day and commune-station stays).</summary>
public sealed record ClaimRecordSummary
{
    public string? HoTenCha { get; init; }
    public string? HoTenMe { get; init; }
    public string? NguoiGiamHo { get; init; }
    public string? DonVi { get; init; }
    public string? QtBenhLy { get; init; }
    public string? TomTatKq { get; init; }
    public string? PpDieuTri { get; init; }
    public DateTime? NgaySinhCon { get; init; }
    public DateTime? NgayConChet { get; init; }
    public int? SoConChet { get; init; }
    public string? GhiChu { get; init; }
    public string? MaTtdv { get; init; }
    public DateOnly NgayCt { get; init; }
    public string? MaTheTam { get; init; }
}

/// <summary>XML13 giấy chuyển tuyến / chuyển cơ sở KCB (QĐ 3176 names: MA_CSKCB_DI, MA_CSKCB_DEN, TINH_TRANG_CT).</summary>
public sealed record ClaimReferralPaper
{
    public string? SoHoSo { get; init; }
    public string? SoChuyenTuyen { get; init; }
    public string? GiayChuyenTuyen { get; init; }
    public string? MaCskcbDi { get; init; }
    public required string MaCskcbDen { get; init; }
    public string? DauHieuLs { get; init; }
    public string? QtBenhLy { get; init; }
    public string? TomTatKq { get; init; }
    public string? TinhTrangCt { get; init; }
    /// <summary>MA_LYDO_CT: 1 đủ điều kiện chuyển (medical need), 2 theo yêu cầu người bệnh.</summary>
    public int? MaLyDoCt { get; init; }
    public string? HuongDieuTri { get; init; }
    public string? PhuongTienVc { get; init; }
    public string? HoTenNguoiHt { get; init; }
    public string? ChucDanhNguoiHt { get; init; }
    public string? MaBacSi { get; init; }
    public string? MaTtdv { get; init; }
}

/// <summary>XML14 giấy hẹn khám lại (re-exam appointment).</summary>
public sealed record ClaimAppointmentPaper
{
    public string? SoGiayHenKl { get; init; }
    public required DateOnly NgayHenKl { get; init; }
    public string? MaBacSi { get; init; }
    public string? MaTtdv { get; init; }
    public DateOnly NgayCt { get; init; }
}
