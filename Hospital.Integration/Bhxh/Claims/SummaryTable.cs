namespace Hospital.Integration.Bhxh.Claims;

/// <summary>
/// XML1 <c>TONG_HOP</c>: the episode's summary row, flat (no list element; CV 1245/BHXH-CNTT), fields in
/// the order of QĐ 4750 Bảng 1 (bhyt-claims.md §3.2; unchanged by QĐ 3176).
/// </summary>
public static class SummaryTable
{
    public const string Type = "XML1";
    public const string Root = "TONG_HOP";

    public static byte[] Write(ClaimSummary s) => ClaimXmlWriter.Flat(Root, w =>
    {
        w.Text("MA_LK", s.MaLk);
        w.Int("STT", s.Stt);
        w.Text("MA_BN", s.MaBn);
        w.FreeText("HO_TEN", s.HoTen);
        w.Text("SO_CCCD", s.SoCccd);
        w.Text("NGAY_SINH", ClaimXmlWriter.Format.BirthDate(s.NgaySinh, s.NamSinh));
        w.Int("GIOI_TINH", s.GioiTinh);
        w.Text("NHOM_MAU", s.NhomMau);
        w.Text("MA_QUOCTICH", s.MaQuocTich);
        w.Text("MA_DANTOC", s.MaDanToc);
        w.Text("MA_NGHE_NGHIEP", s.MaNgheNghiep);
        w.FreeText("DIA_CHI", s.DiaChi);
        w.Text("MATINH_CU_TRU", s.MaTinhCuTru);
        w.Text("MAHUYEN_CU_TRU", s.MaHuyenCuTru);
        w.Text("MAXA_CU_TRU", s.MaXaCuTru);
        w.Text("DIEN_THOAI", s.DienThoai);
        w.Text("MA_THE_BHYT", s.MaTheBhyt);
        w.Text("MA_DKBD", s.MaDkbd);
        w.Date("GT_THE_TU", s.GtTheTu);
        w.Date("GT_THE_DEN", s.GtTheDen);
        w.Time("NGAY_MIEN_CCT", s.NgayMienCct);
        w.FreeText("LY_DO_VV", s.LyDoVv);
        w.FreeText("LY_DO_VNT", s.LyDoVnt);
        w.Text("MA_LY_DO_VNT", s.MaLyDoVnt);
        w.FreeText("CHAN_DOAN_VAO", s.ChanDoanVao);
        w.FreeText("CHAN_DOAN_RV", s.ChanDoanRv);
        w.Text("MA_BENH_CHINH", s.MaBenhChinh);
        w.Text("MA_BENH_KT", s.MaBenhKt);
        w.Text("MA_BENH_YHCT", s.MaBenhYhct);
        w.Text("MA_PTTT_QT", s.MaPtttQt);
        w.Text("MA_DOITUONG_KCB", s.MaDoiTuongKcb);
        w.Text("MA_NOI_DI", s.MaNoiDi);
        w.Text("MA_NOI_DEN", s.MaNoiDen);
        w.Text("MA_TAI_NAN", s.MaTaiNan);
        w.Time("NGAY_VAO", s.NgayVao);
        w.Time("NGAY_VAO_NOI_TRU", s.NgayVaoNoiTru);
        w.Time("NGAY_RA", s.NgayRa);
        w.Text("GIAY_CHUYEN_TUYEN", s.GiayChuyenTuyen);
        w.Int("SO_NGAY_DTRI", s.SoNgayDtri);
        w.FreeText("PP_DIEU_TRI", s.PpDieuTri);
        w.Int("KET_QUA_DTRI", s.KetQuaDtri);
        w.Int("MA_LOAI_RV", s.MaLoaiRv);
        w.FreeText("GHI_CHU", s.GhiChu);
        w.Time("NGAY_TTOAN", s.NgayTtoan);
        w.Money("T_THUOC", s.TThuoc);
        w.Money("T_VTYT", s.TVtyt);
        w.Money("T_TONGCHI_BV", s.TTongChiBv);
        w.Money("T_TONGCHI_BH", s.TTongChiBh);
        w.Money("T_BNTT", s.TBntt);
        w.Money("T_BNCCT", s.TBncct);
        w.Money("T_BHTT", s.TBhtt);
        w.Money("T_NGUONKHAC", s.TNguonKhac);
        w.Money("T_BHTT_GDV", s.TBhttGdv);
        w.Int("NAM_QT", s.NamQt);
        w.Text("THANG_QT", s.ThangQt.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
        w.Text("MA_LOAI_KCB", s.MaLoaiKcb);
        w.Text("MA_KHOA", s.MaKhoa);
        w.Text("MA_CSKCB", s.MaCskcb);
        w.Text("MA_KHUVUC", s.MaKhuVuc);
        w.Text("CAN_NANG", s.CanNang is { } kg ? ClaimXmlWriter.Format.Money(kg) : null);
        w.Text("CAN_NANG_CON", s.CanNangCon);
        w.Date("NAM_NAM_LIEN_TUC", s.NamNamLienTuc);
        w.Text("NGAY_TAI_KHAM", s.NgayTaiKham);
        w.Text("MA_HSBA", s.MaHsba);
        w.Text("MA_TTDV", s.MaTtdv);
        w.Text("DU_PHONG", s.DuPhong);
    });
}
