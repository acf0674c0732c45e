using System.Globalization;
using System.Text;
using System.Xml;

namespace Hospital.Integration.Bhxh.Claims;

/// <summary>One inner table of a claim file: LOAIHOSO ("XML1"…) and the UTF-8 bytes of its XML.</summary>
public sealed record ClaimTableFile(string Type, byte[] Content)
{
    public string Text => Encoding.UTF8.GetString(Content);
}

/// <summary>
/// The GIAMDINHHS envelope (bhyt-claims.md §2): THONGTINDONVI/MACSKCB, THONGTINHOSO with NGAYLAP,
/// SOLUONGHOSO and DANHSACHHOSO/HOSO/FILEHOSO (LOAIHOSO + NOIDUNGFILE = base64 of the table's UTF-8
/// bytes), and CHUKYDONVI for the facility signature. One HOSO (one MA_LK) per file, as the current API
/// guide asks; only the tables that apply to the episode.
/// </summary>
public static class ClaimEnvelope
{
    public const string Root = "GIAMDINHHS";
    public const string SignatureSlot = "CHUKYDONVI";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private const string Xsd = "http://www.w3.org/2001/XMLSchema";

    /// <summary>
    /// The tables of an episode in LOAIHOSO order: XML1, XML2 and XML3 when there are such rows, XML4 when
    /// CLS results exist, XML5 when notes are due, and each paper the episode has.
    /// </summary>
    public static IReadOnlyList<ClaimTableFile> Tables(ClaimEpisode e)
    {
        var maLk = e.Summary.MaLk;
        var tables = new List<ClaimTableFile>(9) { new(SummaryTable.Type, SummaryTable.Write(e.Summary)) };
        if (e.Drugs.Count > 0) tables.Add(new(DrugTable.Type, DrugTable.Write(maLk, e.Drugs)));
        if (e.Services.Count > 0) tables.Add(new(ServiceTable.Type, ServiceTable.Write(maLk, e.Services)));
        if (e.Results.Count > 0) tables.Add(new(ClinicalTables.ResultsType, ClinicalTables.WriteResults(maLk, e.Results)));
        if (e.Notes.Count > 0) tables.Add(new(ClinicalTables.NotesType, ClinicalTables.WriteNotes(maLk, e.Notes)));
        if (e.Discharge is { } d) tables.Add(new(PaperTables.DischargeType, PaperTables.WriteDischarge(e.Summary, d)));
        if (e.RecordSummary is { } r) tables.Add(new(PaperTables.RecordSummaryType, PaperTables.WriteRecordSummary(e.Summary, r)));
        if (e.Referral is { } t) tables.Add(new(PaperTables.ReferralType, PaperTables.WriteReferral(e.Summary, t)));
        if (e.Appointment is { } a) tables.Add(new(PaperTables.AppointmentType, PaperTables.WriteAppointment(e.Summary, a)));
        return tables;
    }

    /// <summary>The unsigned envelope of one hồ sơ, with an empty CHUKYDONVI.</summary>
    public static XmlDocument Build(string facilityCode, DateOnly createdOn, IReadOnlyList<ClaimTableFile> tables)
    {
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.AppendChild(doc.CreateXmlDeclaration("1.0", "utf-8", null));
        var root = (XmlElement)doc.AppendChild(doc.CreateElement(Root))!;
        root.SetAttribute("xmlns:xsi", Xsi);
        root.SetAttribute("xmlns:xsd", Xsd);
        XmlElement Add(XmlNode parent, string name, string? text = null)
        {
            var e = (XmlElement)parent.AppendChild(doc.CreateElement(name))!;
            if (text is not null) e.InnerText = text;
            return e;
        }
        Add(Add(root, "THONGTINDONVI"), "MACSKCB", facilityCode);
        var info = Add(root, "THONGTINHOSO");
        Add(info, "NGAYLAP", createdOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        Add(info, "SOLUONGHOSO", "1");
        var hoso = Add(Add(info, "DANHSACHHOSO"), "HOSO");
        foreach (var t in tables)
        {
            var file = Add(hoso, "FILEHOSO");
            Add(file, "LOAIHOSO", t.Type);
            Add(file, "NOIDUNGFILE", Convert.ToBase64String(t.Content));
        }
        Add(root, SignatureSlot);
        return doc;
    }

    /// <summary>Builds, signs (XMLDSig RSA-SHA256 in CHUKYDONVI) and serialises the claim file of an episode.</summary>
    public static byte[] BuildSigned(ClaimEpisode e, DateOnly createdOn, FacilityXmlSigner signer) =>
        CheckInXml.ToBytes(signer.Sign(Build(e.Summary.MaCskcb, createdOn, Tables(e)), SignatureSlot));

    /// <summary>The facility code and the decoded inner tables of a claim file (for reading it back on the board, in the simulator and tests).</summary>
    public static (string FacilityCode, int Count, IReadOnlyList<ClaimTableFile> Tables) Read(byte[] file)
    {
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using (var reader = XmlReader.Create(new MemoryStream(file), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
            doc.Load(reader);
        var root = doc.DocumentElement is { Name: Root } r ? r : throw new FormatException("Tệp không phải hồ sơ GIAMDINHHS.");
        var facility = root["THONGTINDONVI"]?["MACSKCB"]?.InnerText ?? "";
        var count = int.TryParse(root["THONGTINHOSO"]?["SOLUONGHOSO"]?.InnerText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var tables = root.GetElementsByTagName("FILEHOSO").OfType<XmlElement>()
            .Select(f => new ClaimTableFile(f["LOAIHOSO"]?.InnerText ?? "", Convert.FromBase64String(f["NOIDUNGFILE"]?.InnerText ?? "")))
            .ToList();
        return (facility, count, tables);
    }
}
