namespace Hospital.Integration.Bhxh.Claims;

/// <summary>
/// XML4 <c>CHITIEU_CHITIET_DICHVUCANLAMSANG/DSACH_CHI_TIET_CLS/CHI_TIET_CLS</c> (result indicators, only
/// when CLS was done) and XML5 <c>CHITIEU_CHITIET_DIENBIENLAMSANG/DSACH_CHI_TIET_DIEN_BIEN_BENH/
/// CHI_TIET_DIEN_BIEN_BENH</c> (progress notes, only for the MA_LOAI_KCB that need them):
/// CV 1245 element names, fields of QĐ 4750 Bảng 4 and 5 (bhyt-claims.md §3.5, §3.6).
/// </summary>
public static class ClinicalTables
{
    public const string ResultsType = "XML4";
    public const string ResultsRoot = "CHITIEU_CHITIET_DICHVUCANLAMSANG";
    public const string NotesType = "XML5";
    public const string NotesRoot = "CHITIEU_CHITIET_DIENBIENLAMSANG";

    public static byte[] WriteResults(string maLk, IReadOnlyList<ClaimResultRow> rows) => ClaimXmlWriter.List(ResultsRoot, "DSACH_CHI_TIET_CLS", "CHI_TIET_CLS", rows, (w, r) =>
    {
        w.Text("MA_LK", maLk);
        w.Int("STT", r.Stt);
        w.Text("MA_DICH_VU", r.MaDichVu);
        w.Text("MA_CHI_SO", r.MaChiSo);
        w.FreeText("TEN_CHI_SO", r.TenChiSo);
        w.FreeText("GIA_TRI", r.GiaTri);
        w.Text("DON_VI_DO", r.DonViDo);
        w.FreeText("MO_TA", r.MoTa);
        w.FreeText("KET_LUAN", r.KetLuan);
        w.Time("NGAY_KQ", r.NgayKq);
        w.Text("MA_BS_DOC_KQ", r.MaBsDocKq);
        w.Text("DU_PHONG", r.DuPhong);
    });

    public static byte[] WriteNotes(string maLk, IReadOnlyList<ClaimProgressNote> rows) => ClaimXmlWriter.List(NotesRoot, "DSACH_CHI_TIET_DIEN_BIEN_BENH", "CHI_TIET_DIEN_BIEN_BENH", rows, (w, r) =>
    {
        w.Text("MA_LK", maLk);
        w.Int("STT", r.Stt);
        w.FreeText("DIEN_BIEN_LS", r.DienBienLs);
        w.FreeText("GIAI_DOAN_BENH", r.GiaiDoanBenh);
        w.FreeText("HOI_CHAN", r.HoiChan);
        w.FreeText("PHAU_THUAT", r.PhauThuat);
        w.Time("THOI_DIEM_DBLS", r.ThoiDiemDbls);
        w.Text("NGUOI_THUC_HIEN", r.NguoiThucHien);
        w.Text("DU_PHONG", r.DuPhong);
    });
}
