namespace Hospital.Integration.Bhxh.Claims;

/// <summary>
/// XML2 <c>CHITIEU_CHITIET_THUOC/DSACH_CHI_TIET_THUOC/CHI_TIET_THUOC</c>: drugs, oxygen, blood (CV 1245
/// element names; fields of QĐ 4750 Bảng 2, bhyt-claims.md §3.3).
/// </summary>
public static class DrugTable
{
    public const string Type = "XML2";
    public const string Root = "CHITIEU_CHITIET_THUOC";
    public const string List = "DSACH_CHI_TIET_THUOC";
    public const string Row = "CHI_TIET_THUOC";

    public static byte[] Write(string maLk, IReadOnlyList<ClaimDrugRow> rows) => ClaimXmlWriter.List(Root, List, Row, rows, (w, r) =>
    {
        w.Text("MA_LK", maLk);
        w.Int("STT", r.Stt);
        w.Text("MA_THUOC", r.MaThuoc);
        w.Text("MA_PP_CHEBIEN", r.MaPpCheBien);
        w.Text("MA_CSKCB_THUOC", r.MaCskcbThuoc);
        w.Int("MA_NHOM", r.MaNhom);
        w.FreeText("TEN_THUOC", r.TenThuoc);
        w.Text("DON_VI_TINH", r.DonViTinh);
        w.FreeText("HAM_LUONG", r.HamLuong);
        w.Text("DUONG_DUNG", r.DuongDung);
        w.FreeText("DANG_BAO_CHE", r.DangBaoChe);
        w.FreeText("LIEU_DUNG", r.LieuDung);
        w.FreeText("CACH_DUNG", r.CachDung);
        w.Text("SO_DANG_KY", r.SoDangKy);
        w.Text("TT_THAU", r.TtThau);
        w.Int("PHAM_VI", r.PhamVi);
        w.Number("TYLE_TT_BH", r.TyleTtBh);
        w.Number("SO_LUONG", r.SoLuong);
        w.Number("DON_GIA", r.DonGia);
        w.Money("THANH_TIEN_BV", r.Money.ThanhTienBv);
        w.Money("THANH_TIEN_BH", r.Money.ThanhTienBh);
        WriteSplit(w, r.Money, mucHuongFirst: false);
        w.Text("MA_KHOA", r.MaKhoa);
        w.Text("MA_BAC_SI", r.MaBacSi);
        w.Text("MA_DICH_VU", r.MaDichVu);
        w.Time("NGAY_YL", r.NgayYl);
        w.Time("NGAY_TH_YL", r.NgayThYl);
        w.Int("MA_PTTT", r.MaPttt);
        w.Int("NGUON_CTRA", r.NguonCtra);
        w.Text("VET_THUONG_TP", r.VetThuongTp);
        w.Text("DU_PHONG", r.DuPhong);
    });

    /// <summary>
    /// The split both line tables share (§3.3, §3.4): the four other-source amounts and their sum, MUC_HUONG,
    /// T_BNTT, T_BNCCT, T_BHTT. Bảng 2 puts MUC_HUONG after T_NGUONKHAC; Bảng 3 puts it before T_NGUONKHAC_NSNN.
    /// </summary>
    internal static void WriteSplit(ClaimXmlWriter w, ClaimRowMoney m, bool mucHuongFirst)
    {
        if (mucHuongFirst) w.Number("MUC_HUONG", m.MucHuong);
        w.Money("T_NGUONKHAC_NSNN", m.TNguonKhacNsnn);
        w.Money("T_NGUONKHAC_VTNN", m.TNguonKhacVtnn);
        w.Money("T_NGUONKHAC_VTTN", m.TNguonKhacVttn);
        w.Money("T_NGUONKHAC_CL", m.TNguonKhacCl);
        w.Money("T_NGUONKHAC", m.TNguonKhac);
        if (!mucHuongFirst) w.Number("MUC_HUONG", m.MucHuong);
        w.Money("T_BNTT", m.TBntt);
        w.Money("T_BNCCT", m.TBncct);
        w.Money("T_BHTT", m.TBhtt);
    }
}
