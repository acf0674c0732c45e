namespace Hospital.Integration.Bhxh.Claims;

/// <summary>
/// The papers: XML7 <c>CHI_TIEU_DU_LIEU_GIAY_RA_VIEN</c>, XML8 <c>CHI_TIEU_DU_LIEU_TOM_TAT_HO_SO_BENH_AN</c>,
/// XML13 <c>CHI_TIEU_GIAYCHUYENTUYEN</c>, XML14 <c>CHI_TIEU_GIAYHEN_KHAMLAI</c> (root names CV 1245,
/// bhyt-claims.md §1.2; all four flat, one paper per episode). Field lists: see <see cref="ClaimDischargePaper"/>.
/// Fields the papers share with XML1 are written from the summary.
/// </summary>
public static class PaperTables
{
    public const string DischargeType = "XML7";
    public const string DischargeRoot = "CHI_TIEU_DU_LIEU_GIAY_RA_VIEN";
    public const string RecordSummaryType = "XML8";
    public const string RecordSummaryRoot = "CHI_TIEU_DU_LIEU_TOM_TAT_HO_SO_BENH_AN";
    public const string ReferralType = "XML13";
    public const string ReferralRoot = "CHI_TIEU_GIAYCHUYENTUYEN";
    public const string AppointmentType = "XML14";
    public const string AppointmentRoot = "CHI_TIEU_GIAYHEN_KHAMLAI";

    public static byte[] WriteDischarge(ClaimSummary s, ClaimDischargePaper p) => ClaimXmlWriter.Flat(DischargeRoot, w =>
    {
        w.Text("MA_LK", s.MaLk);
        w.Text("SO_LUU_TRU", p.SoLuuTru);
        w.Text("MA_YTE", p.MaYte);
        w.Text("MA_KHOA_RV", p.MaKhoaRv);
        w.Time("NGAY_VAO", s.NgayVao);
        w.Time("NGAY_RA", s.NgayRa);
        w.Int("MA_DINH_CHI_THAI", p.MaDinhChiThai);
        w.FreeText("NGUYENNHAN_DINHCHI", p.NguyenNhanDinhChi);
        w.Time("THOIGIAN_DINHCHI", p.ThoiGianDinhChi);
        w.Int("TUOI_THAI", p.TuoiThai);
        w.FreeText("CHAN_DOAN_RV", s.ChanDoanRv);
        w.FreeText("PP_DIEUTRI", p.PpDieuTri);
        w.FreeText("GHI_CHU", p.GhiChu);
        w.Text("MA_TTDV", p.MaTtdv);
        w.Text("MA_BS", p.MaBs);
        w.FreeText("TEN_BS", p.TenBs);
        w.Date("NGAY_CT", p.NgayCt);
        w.Text("MA_CHA", p.MaCha);
        w.Text("MA_ME", p.MaMe);
        w.Text("MA_THE_TAM", p.MaTheTam);
        w.FreeText("HO_TEN_CHA", p.HoTenCha);
        w.FreeText("HO_TEN_ME", p.HoTenMe);
        w.Int("SO_NGAY_NGHI", p.SoNgayNghi);
        w.Date("NGOAITRU_TUNGAY", p.NgoaiTruTuNgay);
        w.Date("NGOAITRU_DENNGAY", p.NgoaiTruDenNgay);
        w.Text("DU_PHONG", null);
    });

    public static byte[] WriteRecordSummary(ClaimSummary s, ClaimRecordSummary p) => ClaimXmlWriter.Flat(RecordSummaryRoot, w =>
    {
        w.Text("MA_LK", s.MaLk);
        w.Text("MA_LOAI_KCB", s.MaLoaiKcb);
        w.FreeText("HO_TEN_CHA", p.HoTenCha);
        w.FreeText("HO_TEN_ME", p.HoTenMe);
        w.FreeText("NGUOI_GIAM_HO", p.NguoiGiamHo);
        w.FreeText("DON_VI", p.DonVi);
        w.Time("NGAY_VAO", s.NgayVao);
        w.Time("NGAY_RA", s.NgayRa);
        w.FreeText("CHAN_DOAN_VAO", s.ChanDoanVao);
        w.FreeText("CHAN_DOAN_RV", s.ChanDoanRv);
        w.FreeText("QT_BENHLY", p.QtBenhLy);
        w.FreeText("TOMTAT_KQ", p.TomTatKq);
        w.FreeText("PP_DIEUTRI", p.PpDieuTri);
        w.Time("NGAY_SINHCON", p.NgaySinhCon);
        w.Time("NGAY_CONCHET", p.NgayConChet);
        w.Int("SO_CONCHET", p.SoConChet);
        w.Int("KET_QUA_DTRI", s.KetQuaDtri);
        w.FreeText("GHI_CHU", p.GhiChu);
        w.Text("MA_TTDV", p.MaTtdv);
        w.Date("NGAY_CT", p.NgayCt);
        w.Text("MA_THE_TAM", p.MaTheTam);
        w.Text("DU_PHONG", null);
    });

    public static byte[] WriteReferral(ClaimSummary s, ClaimReferralPaper p) => ClaimXmlWriter.Flat(ReferralRoot, w =>
    {
        w.Text("MA_LK", s.MaLk);
        w.Text("SO_HOSO", p.SoHoSo);
        w.Text("SO_CHUYENTUYEN", p.SoChuyenTuyen);
        w.Text("GIAY_CHUYEN_TUYEN", p.GiayChuyenTuyen);
        w.Text("MA_CSKCB", s.MaCskcb);
        w.Text("MA_CSKCB_DI", p.MaCskcbDi);
        w.Text("MA_CSKCB_DEN", p.MaCskcbDen);
        Patient(w, s, withOrigin: true);
        w.Time("NGAY_VAO", s.NgayVao);
        w.Time("NGAY_VAO_NOI_TRU", s.NgayVaoNoiTru);
        w.Time("NGAY_RA", s.NgayRa);
        w.FreeText("DAU_HIEU_LS", p.DauHieuLs);
        w.FreeText("CHAN_DOAN_RV", s.ChanDoanRv);
        w.FreeText("QT_BENHLY", p.QtBenhLy);
        w.FreeText("TOMTAT_KQ", p.TomTatKq);
        w.FreeText("TINH_TRANG_CT", p.TinhTrangCt);
        w.Text("MA_BENH_CHINH", s.MaBenhChinh);
        w.Text("MA_BENH_KT", s.MaBenhKt);
        w.Text("MA_BENH_YHCT", s.MaBenhYhct);
        w.Int("MA_LOAI_RV", s.MaLoaiRv);
        w.Int("MA_LYDO_CT", p.MaLyDoCt);
        w.FreeText("HUONG_DIEU_TRI", p.HuongDieuTri);
        w.FreeText("PHUONGTIEN_VC", p.PhuongTienVc);
        w.FreeText("HOTEN_NGUOI_HT", p.HoTenNguoiHt);
        w.FreeText("CHUCDANH_NGUOI_HT", p.ChucDanhNguoiHt);
        w.Text("MA_BAC_SI", p.MaBacSi);
        w.Text("MA_TTDV", p.MaTtdv);
        w.Text("DU_PHONG", null);
    });

    public static byte[] WriteAppointment(ClaimSummary s, ClaimAppointmentPaper p) => ClaimXmlWriter.Flat(AppointmentRoot, w =>
    {
        w.Text("MA_LK", s.MaLk);
        w.Text("SO_GIAYHEN_KL", p.SoGiayHenKl);
        w.Text("MA_CSKCB", s.MaCskcb);
        Patient(w, s, withOrigin: false);
        w.Time("NGAY_VAO", s.NgayVao);
        w.Time("NGAY_VAO_NOI_TRU", s.NgayVaoNoiTru);
        w.Time("NGAY_RA", s.NgayRa);
        w.Date("NGAY_HEN_KL", p.NgayHenKl);
        w.FreeText("CHAN_DOAN_RV", s.ChanDoanRv);
        w.Text("MA_BENH_CHINH", s.MaBenhChinh);
        w.Text("MA_BENH_KT", s.MaBenhKt);
        w.Text("MA_BENH_YHCT", s.MaBenhYhct);
        w.Text("MA_DOITUONG_KCB", s.MaDoiTuongKcb);
        w.Text("MA_BAC_SI", p.MaBacSi);
        w.Text("MA_TTDV", p.MaTtdv);
        w.Date("NGAY_CT", p.NgayCt);
        w.Text("DU_PHONG", null);
    });

    /// <summary>The patient block of XML13 (with nationality, ethnicity, occupation) and XML14 (without).</summary>
    private static void Patient(ClaimXmlWriter w, ClaimSummary s, bool withOrigin)
    {
        w.FreeText("HO_TEN", s.HoTen);
        w.Text("NGAY_SINH", ClaimXmlWriter.Format.BirthDate(s.NgaySinh, s.NamSinh));
        w.Int("GIOI_TINH", s.GioiTinh);
        if (withOrigin)
        {
            w.Text("MA_QUOCTICH", s.MaQuocTich);
            w.Text("MA_DANTOC", s.MaDanToc);
            w.Text("MA_NGHE_NGHIEP", s.MaNgheNghiep);
        }
        w.FreeText("DIA_CHI", s.DiaChi);
        w.Text("MA_THE_BHYT", s.MaTheBhyt);
        w.Date("GT_THE_DEN", s.GtTheDen);
    }
}
