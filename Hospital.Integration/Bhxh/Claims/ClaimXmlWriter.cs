using System.Globalization;
using System.Text;
using System.Xml;

namespace Hospital.Integration.Bhxh.Claims;

/// <summary>
/// Writes one inner table of a claim (XML1…XML14) the way the portal reads it (bhyt-claims.md §2, §3):
/// UTF-8 without a byte-order mark, every field present (empty when blank), timestamps yyyyMMddHHmm,
/// dates yyyyMMdd, decimals with "." (money up to 2 places, prices and quantities up to 3), free text in
/// CDATA as vendors do for names, addresses and diagnoses. Streams through an <see cref="XmlWriter"/>:
/// a claim of a thousand rows never builds a DOM.
/// </summary>
public sealed class ClaimXmlWriter : IDisposable
{
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = false, CloseOutput = false };
    private readonly MemoryStream _stream = new();
    private readonly XmlWriter _xml;

    public ClaimXmlWriter()
    {
        _xml = XmlWriter.Create(_stream, Settings);
        _xml.WriteStartDocument();
    }

    /// <summary>A table of rows: root / list / one row element per item (XML2–XML5).</summary>
    public static byte[] List<T>(string root, string list, string row, IReadOnlyList<T> rows, Action<ClaimXmlWriter, T> fields)
    {
        using var w = new ClaimXmlWriter();
        w.Start(root);
        w.Start(list);
        foreach (var r in rows)
        {
            w.Start(row);
            fields(w, r);
            w.End();
        }
        w.End();
        w.End();
        return w.ToBytes();
    }

    /// <summary>A flat table: one root element holding the fields (XML1 and the papers).</summary>
    public static byte[] Flat(string root, Action<ClaimXmlWriter> fields)
    {
        using var w = new ClaimXmlWriter();
        w.Start(root);
        fields(w);
        w.End();
        return w.ToBytes();
    }

    public void Start(string element) => _xml.WriteStartElement(element);
    public void End() => _xml.WriteEndElement();

    public void Text(string name, string? value) => _xml.WriteElementString(name, value ?? "");

    /// <summary>Free text (names, addresses, diagnoses, strengths) in CDATA; escaped instead if it would end the section early.</summary>
    public void FreeText(string name, string? value)
    {
        _xml.WriteStartElement(name);
        if (!string.IsNullOrEmpty(value))
        {
            if (value.Contains("]]>", StringComparison.Ordinal)) _xml.WriteString(value);
            else _xml.WriteCData(value);
        }
        _xml.WriteFullEndElement();
    }

    public void Int(string name, int? value) => Text(name, value?.ToString(CultureInfo.InvariantCulture));
    /// <summary>Money: 2 decimal places at most, "." separator (§4.3).</summary>
    public void Money(string name, decimal? value) => Text(name, Format.Money(value));
    /// <summary>Unit prices, quantities and percentages: 3 decimal places at most.</summary>
    public void Number(string name, decimal? value) => Text(name, Format.Number(value));
    public void Time(string name, DateTime? value) => Text(name, Format.Time(value));
    public void Date(string name, DateOnly? value) => Text(name, Format.Date(value));

    /// <summary>Closes the document and returns its bytes.</summary>
    public byte[] ToBytes()
    {
        _xml.WriteEndDocument();
        _xml.Flush();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _xml.Dispose();
        _stream.Dispose();
    }

    /// <summary>The text forms of the claim's values, shared by the writers and the validator.</summary>
    public static class Format
    {
        public static string? Money(decimal? v) => v?.ToString("0.##", CultureInfo.InvariantCulture);
        public static string? Number(decimal? v) => v?.ToString("0.###", CultureInfo.InvariantCulture);
        public static string? Time(DateTime? t) => t?.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        public static string? Date(DateOnly? d) => d?.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        /// <summary>NGAY_SINH is S12 yyyyMMddHHmm; an unknown time is 0000 and an unknown day and month 0000 (§3.2).</summary>
        public static string BirthDate(DateOnly? date, int year) =>
            date is { } d ? d.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "0000"
                          : year.ToString("0000", CultureInfo.InvariantCulture) + "00000000";
    }
}
