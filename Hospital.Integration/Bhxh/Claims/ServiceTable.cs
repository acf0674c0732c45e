namespace Hospital.Integration.Bhxh.Claims;

/// <summary>
/// XML3 <c>CHITIEU_CHITIET_DVKT_VTYT/DSACH_CHI_TIET_DVKT/CHI_TIET_DVKT</c>: services, the exam fee, bed
/// days and supplies (CV 1245 element names; fields of QĐ 4750 Bảng 3, bhyt-claims.md §3.4). A supply
/// row fills MA_VAT_TU/TEN_VAT_TU and leaves the service pair empty, a service row the other way round.
/// </summary>
public static class ServiceTable
{
    public const string Type = "XML3";
    public const string Root = "CHITIEU_CHITIET_DVKT_VTYT";
    public const string List = "DSACH_CHI_TIET_DVKT";
    public const string Row = "CHI_TIET_DVKT";

    public static byte[] Write(string maLk, IReadOnlyList<ClaimServiceRow> rows) => ClaimXmlWriter.List(Root, List, Row, rows, (w, r) =>
    {
        w.Text("MA_LK", maLk);
        w.Int("STT", r.Stt);
        w.Text("MA_DICH_VU", r.MaDichVu);
        w.Text("MA_PTTT_QT", r.MaPtttQt);
        w.Text("MA_VAT_TU", r.MaVatTu);
        w.Int("MA_NHOM", r.MaNhom);
        w.Text("GOI_VTYT", r.GoiVtyt);
        w.FreeText("TEN_VAT_TU", r.TenVatTu);
        w.FreeText("TEN_DICH_VU", r.TenDichVu);
        w.Text("MA_XANG_DAU", r.MaXangDau);
        w.Text("DON_VI_TINH", r.DonViTinh);
        w.Int("PHAM_VI", r.PhamVi);
        w.Number("SO_LUONG", r.SoLuong);
        w.Number("DON_GIA_BV", r.DonGiaBv);
        w.Number("DON_GIA_BH", r.DonGiaBh ?? 0);
        w.Text("TT_THAU", r.TtThau);
        w.Number("TYLE_TT_DV", r.TyleTtDv);
        w.Number("TYLE_TT_BH", r.TyleTtBh);
        w.Money("THANH_TIEN_BV", r.Money.ThanhTienBv);
        w.Money("THANH_TIEN_BH", r.Money.ThanhTienBh);
        w.Money("T_TRANTT", r.TTrantt);
        DrugTable.WriteSplit(w, r.Money, mucHuongFirst: true);
        w.Text("MA_KHOA", r.MaKhoa);
        w.Text("MA_GIUONG", r.MaGiuong);
        w.Text("MA_BAC_SI", r.MaBacSi);
        w.Text("NGUOI_THUC_HIEN", r.NguoiThucHien);
        w.Text("MA_BENH", r.MaBenh);
        w.Text("MA_BENH_YHCT", r.MaBenhYhct);
        w.Time("NGAY_YL", r.NgayYl);
        w.Time("NGAY_TH_YL", r.NgayThYl);
        w.Time("NGAY_KQ", r.NgayKq);
        w.Int("MA_PTTT", r.MaPttt);
        w.Text("VET_THUONG_TP", r.VetThuongTp);
        w.Int("PP_VO_CAM", r.PpVoCam);
        w.Text("VI_TRI_TH_DVKT", r.ViTriThDvkt);
        w.Text("MA_MAY", r.MaMay);
        w.Text("MA_HIEU_SP", r.MaHieuSp);
        w.Int("TAI_SU_DUNG", r.TaiSuDung);
        w.Text("DU_PHONG", r.DuPhong);
    });
}
