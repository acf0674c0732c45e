// Property names are the element names of the export (XML elements and JSON members alike), so
// they follow the CV 365 appendix spelling (lower case, Vietnamese without diacritics) rather than C# style.
#pragma warning disable IDE1006

namespace Hospital.Integration.Emr;

/// <summary>
/// One outpatient medical record (hồ sơ bệnh án) in the exchange layout of CV 365/TTYQG-GPQLCL
/// (06/06/2025) appendix "Mô tả dữ liệu trao đổi HSBA điện tử": root <c>HoSoBenhAn</c> and its 11
/// groups (vn-emr-rx.md §1.2 item 7). Every value is already text as exported (codes as strings,
/// times yyyyMMddHHmm in Vietnam time, "" when unknown), so the XML and the JSON carry the same
/// values. Group and coded field names (<c>maicd</c>, <c>maicd_khac</c>, <c>machidinh</c>,
/// <c>machiso</c>, <c>mathuocvattu_byt</c>, <c>chuky_hoten</c>) are the spec's; the other field
/// names are our best reading of the appendix and are listed as uncertain in README "HoSoBenhAn export".
/// There is no signature field: the signed PDFs are shipped alongside.
/// </summary>
public sealed record HoSoBenhAn
{
    public required ThongTinBenhNhan ThongTinBenhNhan { get; init; }
    public required ThongTinVaoVien ThongTinVaoVien { get; init; }
    public required ThongTinDieuTri ThongTinDieuTri { get; init; }
    public required IReadOnlyList<ThuocVatTu> YLenhThuocVatTu { get; init; }
    public required IReadOnlyList<ChiDinh> PhieuChiDinh { get; init; }
    public required IReadOnlyList<KetQuaCdha> KetQuaChanDoanHinhAnh { get; init; }
    public required IReadOnlyList<ChiSoXetNghiem> KetQuaXetNghiem { get; init; }
    /// <summary>Null (an empty group) unless the patient was referred out.</summary>
    public GiayChuyenVien? GiayChuyenVien { get; init; }
    // Inpatient / emergency / surgical forms: an outpatient exam has none; the groups stay present.
    public EmptyGroup HoSoCapCuu { get; init; } = new();
    public EmptyGroup PhieuThuThuat { get; init; } = new();
    public EmptyGroup PhieuPhauThuat { get; init; } = new();
}

/// <summary>A group the record does not fill.</summary>
public sealed record EmptyGroup;

public sealed record ThongTinBenhNhan
{
    public required string mabn { get; init; }
    public required string hoten { get; init; }
    /// <summary>yyyyMMdd; yyyy0000 when only the year is known.</summary>
    public required string ngaysinh { get; init; }
    /// <summary>1 nam, 2 nữ, 3 chưa xác định (as XML1 GIOI_TINH).</summary>
    public required string gioitinh { get; init; }
    public string sodinhdanh { get; init; } = "";
    public string madantoc { get; init; } = "";
    public string maquoctich { get; init; } = "";
    public string manghenghiep { get; init; } = "";
    public string diachi { get; init; } = "";
    public string matinh_cu_tru { get; init; } = "";
    /// <summary>Still in the appendix although districts were abolished on 01/07/2025: always empty.</summary>
    public string quanhuyen_ma { get; init; } = "";
    public string maxa_cu_tru { get; init; } = "";
    public string dienthoai { get; init; } = "";
    public string mathe_bhyt { get; init; } = "";
    public string nguoigiamho { get; init; } = "";
}

public sealed record ThongTinVaoVien
{
    public required string ma_lk { get; init; }
    public required string mavaovien { get; init; }
    public required string macskcb { get; init; }
    public required string ngayvao { get; init; }
    public string lydovaovien { get; init; } = "";
    /// <summary>1 BHYT, 2 thu phí, 3 miễn phí.</summary>
    public required string doituong { get; init; }
    public string makhoa { get; init; } = "";
    public string tenkhoa { get; init; } = "";
    public string maphong { get; init; } = "";
    public string tenphong { get; init; } = "";
    public string noigioithieu { get; init; } = "";
    public string maicd_noigioithieu { get; init; } = "";
}

public sealed record ThongTinDieuTri
{
    public string lydokham { get; init; } = "";
    public string benhsu { get; init; } = "";
    public string tiensu_banthan { get; init; } = "";
    public string tiensu_giadinh { get; init; } = "";
    public string mach { get; init; } = "";
    public string nhietdo { get; init; } = "";
    public string huyetap { get; init; } = "";
    public string nhiptho { get; init; } = "";
    public string spo2 { get; init; } = "";
    public string chieucao { get; init; } = "";
    public string cannang { get; init; } = "";
    public string khamtoanthan { get; init; } = "";
    public string khambophan { get; init; } = "";
    /// <summary>Main diagnosis, dotted ICD-10 (at most 7 characters, "R10.4").</summary>
    public string maicd { get; init; } = "";
    public string chandoan { get; init; } = "";
    /// <summary>Secondary codes joined by ";" as in MA_BENH_KT.</summary>
    public string maicd_khac { get; init; } = "";
    public string chandoan_khac { get; init; } = "";
    public string ketluan { get; init; } = "";
    public string huongdieutri { get; init; } = "";
    /// <summary>1 cho về, 2 nhập viện, 3 chuyển tuyến.</summary>
    public string huongxutri { get; init; } = "";
    public string ketqua_dieutri { get; init; } = "";
    public string ngayketthuc { get; init; } = "";
    public string ngaytaikham { get; init; } = "";
    public string mabacsi { get; init; } = "";
    public string chuky_hoten { get; init; } = "";
}

public sealed record ThuocVatTu
{
    public required string sodonthuoc { get; init; }
    public required string mathuocvattu_byt { get; init; }
    public required string tenthuocvattu { get; init; }
    public string hoatchat { get; init; } = "";
    public string hamluong { get; init; } = "";
    public string donvitinh { get; init; } = "";
    public string duongdung { get; init; } = "";
    public string lieudung { get; init; } = "";
    public string songay { get; init; } = "";
    public required string soluong { get; init; }
    public string ngayylenh { get; init; } = "";
    public string chuky_hoten { get; init; } = "";
}

public sealed record ChiDinh
{
    public required string sophieu { get; init; }
    public required string machidinh { get; init; }
    public required string tenchidinh { get; init; }
    public required string ngaychidinh { get; init; }
    public string trangthai { get; init; } = "";
    public string chuky_hoten { get; init; } = "";
}

public sealed record KetQuaCdha
{
    public required string machidinh { get; init; }
    public required string tenchidinh { get; init; }
    public string mota { get; init; } = "";
    public string ketluan { get; init; } = "";
    public string ngaykq { get; init; } = "";
    public string chuky_hoten { get; init; } = "";
}

public sealed record ChiSoXetNghiem
{
    public required string machidinh { get; init; }
    public required string machiso { get; init; }
    public required string tenchiso { get; init; }
    public required string giatri { get; init; }
    public string donvido { get; init; } = "";
    public string chisobinhthuong { get; init; } = "";
    /// <summary>H, L, HH, LL, * (abnormal) or "".</summary>
    public string canhbao { get; init; } = "";
    public string ngaykq { get; init; } = "";
    public string chuky_hoten { get; init; } = "";
}

public sealed record GiayChuyenVien
{
    public required string macskcb_den { get; init; }
    public string tencskcb_den { get; init; } = "";
    /// <summary>1 đủ điều kiện chuyển tuyến, 2 theo yêu cầu người bệnh.</summary>
    public string lydochuyen { get; init; } = "";
    public string dauhieulamsang { get; init; } = "";
    public string maicd { get; init; } = "";
    public string chandoan { get; init; } = "";
    public string phuongphap_dieutri { get; init; } = "";
    public string tinhtrang_chuyen { get; init; } = "";
    public string phuongtien { get; init; } = "";
    public string ngaychuyen { get; init; } = "";
    public string chuky_hoten { get; init; } = "";
}
