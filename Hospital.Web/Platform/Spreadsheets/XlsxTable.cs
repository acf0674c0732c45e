using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Hospital.Web.Platform.Spreadsheets;

/// <summary>
/// Writes report tables as an .xlsx workbook (ECMA-376 SpreadsheetML). Each worksheet is written
/// with the SAX <see cref="OpenXmlWriter"/> and inline strings (no shared-string table), so a
/// 100k-row export never holds a DOM of the sheet in memory.
/// </summary>
public static class XlsxTable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Write(Stream output, IReadOnlyList<XlsxSheet> sheets)
    {
        if (sheets.Count == 0) throw new ArgumentException("Một tệp Excel cần ít nhất một trang tính.", nameof(sheets));
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = XlsxStyles.Stylesheet();
        styles.Stylesheet.Save();

        var entries = new Sheets();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            WriteSheet(part, sheet);
            entries.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = UniqueName(sheet.Name, names) });
        }
        workbook.Workbook = new Workbook(entries);
        workbook.Workbook.Save();
    }

    public static byte[] ToBytes(params XlsxSheet[] sheets)
    {
        using var buffer = new MemoryStream();
        Write(buffer, sheets);
        return buffer.ToArray();
    }

    /// <summary>
    /// A download of the workbook. The package is built in a temporary file (the zip needs a
    /// seekable stream) that is deleted when the response has been sent. The file name may be
    /// Vietnamese: ASP.NET Core writes it as RFC 6266 filename* (UTF-8).
    /// </summary>
    public static IResult Download(string fileName, params XlsxSheet[] sheets)
    {
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            Write(temp, sheets);
            temp.Position = 0;
            return Results.File(temp, ContentType, fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? fileName : fileName + ".xlsx");
        }
        catch
        {
            temp.Dispose();
            throw;
        }
    }

    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet)
    {
        var width = sheet.Columns.Count;
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new Columns());
        for (var c = 0; c < width; c++)
            writer.WriteElement(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = sheet.Columns[c].Width, CustomWidth = true });
        writer.WriteEndElement();

        writer.WriteStartElement(new SheetData());
        uint row = 0;
        foreach (var title in sheet.Titles)
            WriteRow(writer, ++row, [new XlsxColumn(title)], [title], bold: true);
        if (sheet.Titles.Count > 0) row++; // a blank line between the titles and the table
        WriteRow(writer, ++row, sheet.Columns, sheet.Columns.Select(c => (object?)c.Header).ToArray(), bold: true, header: true);
        foreach (var values in sheet.Rows)
            WriteRow(writer, ++row, sheet.Columns, values, bold: false);
        if (sheet.Total is { } total)
            WriteRow(writer, ++row, sheet.Columns, total, bold: true);
        writer.WriteEndElement();

        if (sheet.Titles.Count > 0 && width > 1)
        {
            writer.WriteStartElement(new MergeCells());
            for (var t = 1; t <= sheet.Titles.Count; t++)
                writer.WriteElement(new MergeCell { Reference = $"A{t}:{ColumnName(width - 1)}{t}" });
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint number, IReadOnlyList<XlsxColumn> columns, IReadOnlyList<object?> values, bool bold, bool header = false)
    {
        if (values.Count > columns.Count)
            throw new ArgumentException($"Dòng {number} có {values.Count} ô nhưng bảng chỉ có {columns.Count} cột.");
        writer.WriteStartElement(new Row { RowIndex = number });
        for (var c = 0; c < values.Count; c++)
        {
            if (values[c] is not { } value) continue;
            var reference = ColumnName(c) + number.ToString(CultureInfo.InvariantCulture);
            writer.WriteElement(header ? TextCell(reference, (string)value, XlsxStyles.Header) : Cell(reference, columns[c].Kind, value, bold));
        }
        writer.WriteEndElement();
    }

    private static Cell Cell(string reference, XlsxKind kind, object value, bool bold) => value switch
    {
        string text => TextCell(reference, text, XlsxStyles.For(XlsxKind.Text, bold)),
        decimal money => NumberCell(reference, money.ToString("0.############", CultureInfo.InvariantCulture), XlsxStyles.For(kind == XlsxKind.Text ? XlsxKind.Number : kind, bold)),
        int or long or double or float => NumberCell(reference, Convert.ToString(value, CultureInfo.InvariantCulture)!, XlsxStyles.For(kind is XlsxKind.Money ? kind : XlsxKind.Number, bold)),
        DateOnly day => NumberCell(reference, Serial(day.ToDateTime(TimeOnly.MinValue)), XlsxStyles.For(XlsxKind.Date, bold)),
        DateTime local => NumberCell(reference, Serial(local), XlsxStyles.For(XlsxKind.DateTime, bold)),
        _ => throw new ArgumentException($"Ô {reference}: không ghi được giá trị kiểu {value.GetType().Name} vào Excel."),
    };

    private static Cell TextCell(string reference, string text, uint style) =>
        new(new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }))
        { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };

    private static Cell NumberCell(string reference, string value, uint style) =>
        new() { CellReference = reference, CellValue = new CellValue(value), StyleIndex = style };

    /// <summary>Excel's 1900 date system serial (OLE Automation date), as Excel stores dates.</summary>
    private static string Serial(DateTime local) =>
        Math.Round(local.ToOADate(), 8).ToString(CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 forbids most control characters; a pasted tab/newline stays, others go.</summary>
    private static string XmlSafe(string text) =>
        text.Any(ch => ch < ' ' && ch is not ('\t' or '\n' or '\r')) ? new string(text.Where(ch => ch >= ' ' || ch is '\t' or '\n' or '\r').ToArray()) : text;

    /// <summary>0 → "A", 26 → "AA".</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique ignoring case.</summary>
    internal static string UniqueName(string wanted, HashSet<string> taken)
    {
        var clean = new string(wanted.Select(ch => ":\\/?*[]".Contains(ch) ? '-' : ch).ToArray()).Trim('\'', ' ');
        if (clean.Length == 0) clean = "Sheet";
        if (clean.Length > 31) clean = clean[..31];
        var name = clean;
        for (var i = 2; !taken.Add(name); i++)
        {
            var suffix = $" ({i})";
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return name;
    }
}
