using System.Globalization;
using System.Text;
using System.Xml;
using Hospital.Integration.Bhxh.Claims;

namespace Hospital.Integration.Bhxh;

/// <summary>The first cost item of the visit, written in exactly one of the XML0 pairs MA_DICH_VU/MA_THUOC/MA_VAT_TU.</summary>
public enum CheckInItemKind { Service, Drug, Supply }

/// <summary>
/// The 26 fields of the XML0 check-in row (TRANG_THAI_KCB, bhyt-claims.md §3.1; QĐ 4750 as amended by
/// QĐ 3176), as plain values. Times are local Vietnam times (the XML has no zone).
/// </summary>
public sealed record CheckInRecord
{
    public required string MaLk { get; init; }
    public int Stt { get; init; } = 1;
    public required string PatientCode { get; init; }
    public required string FullName { get; init; }
    public string? Cccd { get; init; }
    /// <summary>Full date when known; otherwise only <see cref="BirthYear"/> (day and month written as 0000).</summary>
    public DateOnly? BirthDate { get; init; }
    public int BirthYear { get; init; }
    /// <summary>GIOI_TINH: 1 nam, 2 nữ, 3 chưa xác định.</summary>
    public required int Sex { get; init; }
    public string? CardNumber { get; init; }
    public string? CardRegisteredFacilityCode { get; init; }
    public DateOnly? CardValidFrom { get; init; }
    public DateOnly? CardValidTo { get; init; }
    /// <summary>MA_DOITUONG_KCB, provisional at check-in (the final one goes in XML1).</summary>
    public required string BenefitCategoryCode { get; init; }
    public required DateTime AdmittedAt { get; init; }
    public DateTime? InpatientAdmittedAt { get; init; }
    public string? InpatientReason { get; init; }
    public string? InpatientReasonCode { get; init; }
    /// <summary>MA_LOAI_KCB, "01" = khám bệnh.</summary>
    public string VisitTypeCode { get; init; } = "01";
    public required string FacilityCode { get; init; }
    public required CheckInItemKind ItemKind { get; init; }
    public required string ItemCode { get; init; }
    public required string ItemName { get; init; }
    public required DateTime OrderedAt { get; init; }
    public string? Reserve { get; init; }
}

/// <summary>The XML0 content could not be built; the message lists every problem, in Vietnamese.</summary>
public sealed class CheckInXmlException(IReadOnlyList<string> problems)
    : Exception("Bảng check-in (XML0) không hợp lệ: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Builds the XML0 document <c>CHI_TIEU_TRANG_THAI_KCB/DSACH_TRANG_THAI_KCB/TRANG_THAI_KCB</c> with an
/// empty <c>CHUKYDONVI</c> for the facility signature (bhyt-claims.md §1.2 element names, CV 1245/BHXH-CNTT;
/// fields §3.1). Mandatory fields and time order are checked first, so a bad row never reaches the portal.
/// </summary>
public static class CheckInXml
{
    public const string Root = "CHI_TIEU_TRANG_THAI_KCB";
    public const string List = "DSACH_TRANG_THAI_KCB";
    public const string Row = "TRANG_THAI_KCB";
    public const string SignatureSlot = "CHUKYDONVI";

    public static XmlDocument Build(CheckInRecord r)
    {
        Check(r);
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.AppendChild(doc.CreateXmlDeclaration("1.0", "utf-8", null));
        var root = doc.AppendChild(doc.CreateElement(Root))!;
        var row = root.AppendChild(doc.CreateElement(List))!.AppendChild(doc.CreateElement(Row))!;
        void Add(string name, string? value) => row.AppendChild(doc.CreateElement(name))!.InnerText = value ?? "";

        Add("MA_LK", r.MaLk);
        Add("STT", r.Stt.ToString(CultureInfo.InvariantCulture));
        Add("MA_BN", r.PatientCode);
        Add("HO_TEN", r.FullName);
        Add("SO_CCCD", r.Cccd);
        Add("NGAY_SINH", ClaimXmlWriter.Format.BirthDate(r.BirthDate, r.BirthYear));
        Add("GIOI_TINH", r.Sex.ToString(CultureInfo.InvariantCulture));
        Add("MA_THE_BHYT", r.CardNumber);
        Add("MA_DKBD", r.CardRegisteredFacilityCode);
        Add("GT_THE_TU", Date(r.CardValidFrom));
        Add("GT_THE_DEN", Date(r.CardValidTo));
        Add("MA_DOITUONG_KCB", r.BenefitCategoryCode);
        Add("NGAY_VAO", Time(r.AdmittedAt));
        Add("NGAY_VAO_NOI_TRU", Time(r.InpatientAdmittedAt));
        Add("LY_DO_VNT", r.InpatientReason);
        Add("MA_LY_DO_VNT", r.InpatientReasonCode);
        Add("MA_LOAI_KCB", r.VisitTypeCode);
        Add("MA_CSKCB", r.FacilityCode);
        // Exactly one pair carries the first cost item (§3.1); the other two stay empty.
        Add("MA_DICH_VU", r.ItemKind == CheckInItemKind.Service ? r.ItemCode : null);
        Add("TEN_DICH_VU", r.ItemKind == CheckInItemKind.Service ? r.ItemName : null);
        Add("MA_THUOC", r.ItemKind == CheckInItemKind.Drug ? r.ItemCode : null);
        Add("TEN_THUOC", r.ItemKind == CheckInItemKind.Drug ? r.ItemName : null);
        Add("MA_VAT_TU", r.ItemKind == CheckInItemKind.Supply ? r.ItemCode : null);
        Add("TEN_VAT_TU", r.ItemKind == CheckInItemKind.Supply ? r.ItemName : null);
        Add("NGAY_YL", Time(r.OrderedAt));
        Add("DU_PHONG", r.Reserve);
        root.AppendChild(doc.CreateElement(SignatureSlot));
        return doc;
    }

    /// <summary>UTF-8 bytes without a byte-order mark, as the portal expects.</summary>
    public static byte[] ToBytes(XmlDocument doc)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
            doc.Save(writer);
        return stream.ToArray();
    }

    private static void Check(CheckInRecord r)
    {
        var problems = new List<string>();
        void Required(string? value, string field) { if (string.IsNullOrWhiteSpace(value)) problems.Add($"thiếu {field}"); }
        Required(r.MaLk, "MA_LK");
        Required(r.PatientCode, "MA_BN");
        Required(r.FullName, "HO_TEN");
        Required(r.BenefitCategoryCode, "MA_DOITUONG_KCB");
        Required(r.VisitTypeCode, "MA_LOAI_KCB");
        Required(r.FacilityCode, "MA_CSKCB");
        Required(r.ItemCode, "mã của khoản chi phí đầu tiên");
        Required(r.ItemName, "tên của khoản chi phí đầu tiên");
        if (r.BirthDate is null && r.BirthYear is < 1900 or > 9999) problems.Add("thiếu NGAY_SINH");
        if (r.Sex is < 1 or > 3) problems.Add("GIOI_TINH phải là 1, 2 hoặc 3");
        if (r.BenefitCategoryCode?.Length > 4) problems.Add("MA_DOITUONG_KCB dài quá 4 ký tự");
        if (r.VisitTypeCode?.Length > 2) problems.Add("MA_LOAI_KCB dài quá 2 ký tự");
        if (r.CardNumber is { Length: > 0 } card && card.Length != 15) problems.Add("MA_THE_BHYT phải có 15 ký tự");
        if (r.CardRegisteredFacilityCode is { Length: > 5 }) problems.Add("MA_DKBD dài quá 5 ký tự");
        if (r.InpatientAdmittedAt is { } vnt)
        {
            if (vnt < r.AdmittedAt) problems.Add("NGAY_VAO_NOI_TRU phải sau NGAY_VAO");
            if (string.IsNullOrWhiteSpace(r.InpatientReason)) problems.Add("có NGAY_VAO_NOI_TRU thì phải có LY_DO_VNT");
        }
        if (problems.Count > 0) throw new CheckInXmlException(problems);
    }

    private static string? Date(DateOnly? d) => ClaimXmlWriter.Format.Date(d);
    private static string? Time(DateTime? t) => ClaimXmlWriter.Format.Time(t);
}
