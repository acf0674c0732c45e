using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Hospital.Web.Features.Catalogs;

/// <summary>
/// The first sheet of an .xlsx workbook (ECMA-376 SpreadsheetML), header in its first non-empty
/// row. Cells come back as the text a user sees for codes and dates: shared and inline strings
/// as is, date-formatted numbers as yyyy-MM-dd, and numbers formatted "00000" with their zeros.
/// </summary>
public static class XlsxCatalogReader
{
    public static CatalogFile Read(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            return ReadFirstSheet(document);
        }
        catch (CatalogFileException) { throw; }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException
                                      or FormatException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new CatalogFileException("Không đọc được tệp Excel: tệp bị hỏng hoặc không phải .xlsx.");
        }
    }

    private static CatalogFile ReadFirstSheet(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new CatalogFileException("Tệp Excel không có bảng tính.");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                    ?? throw new CatalogFileException("Tệp Excel không có trang tính nào.");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id?.Value ?? "");
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(ItemText).ToArray() ?? [];
        var styles = new XlsxNumberStyles(workbook.WorkbookStylesPart?.Stylesheet);

        var rows = new List<(int Number, List<string> Cells)>();
        var previous = 0;
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var number = (int?)row.RowIndex?.Value ?? previous + 1;
            previous = number;
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count < column) cells.Add("");
                cells.Add(CellText(cell, strings, styles));
            }
            rows.Add((number, cells));
        }
        var header = rows.FindIndex(r => r.Cells.Any(c => c.Trim().Length > 0));
        if (header < 0) throw new CatalogFileException("Trang tính đầu tiên của tệp Excel trống.");
        return CatalogFileReader.Build(rows[header].Cells, rows.Skip(header + 1).Select(r => new FileRow(r.Number, r.Cells)));
    }

    private static string CellText(Cell cell, string[] strings, XlsxNumberStyles styles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Length ? strings[i] : "";
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? ItemText(inline) : "";
        if (type == CellValues.Date) return raw.Length >= 10 ? raw[..10] : raw;
        if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error) return raw;
        return styles.FormatNumber(raw, cell.StyleIndex?.Value);
    }

    /// <summary>Text of a shared or inline string: plain, or rich-text runs; phonetic guides are not text.</summary>
    private static string ItemText(DocumentFormat.OpenXml.OpenXmlCompositeElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    /// <summary>"C12" → 2.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch)) break;
            index = index * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }
        return index - 1;
    }
}
