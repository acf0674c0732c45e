using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Hospital.Tests.Catalogs;

/// <summary>Builds small .xlsx files the way Excel writes them: shared strings, styles with number formats, sparse cells.</summary>
public sealed class XlsxTestWorkbook
{
    /// <summary>Style indexes of <see cref="Build"/>'s stylesheet.</summary>
    public const uint General = 0, ZeroPadded5 = 1, BuiltInDate = 2, CustomDate = 3;

    private readonly List<string> _shared = [];
    private readonly List<Row> _rows = [];

    public XlsxTestWorkbook Row(uint number, params Cell[] cells)
    {
        _rows.Add(new Row(cells) { RowIndex = number });
        return this;
    }

    public Cell Shared(string reference, string text)
    {
        var index = _shared.IndexOf(text);
        if (index < 0) { _shared.Add(text); index = _shared.Count - 1; }
        return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString()) };
    }

    public static Cell Inline(string reference, string text) =>
        new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString };

    public static Cell Number(string reference, string raw, uint style = General) =>
        new() { CellReference = reference, CellValue = new CellValue(raw), StyleIndex = style };

    public static Cell RichText(string reference, params string[] runs) =>
        new(new InlineString(runs.Select(r => new Run(new Text(r) { Space = SpaceProcessingModeValues.Preserve })))) { CellReference = reference, DataType = CellValues.InlineString };

    public byte[] Build(string sheetName = "Danh mục", bool extraSheetFirst = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new SheetData(_rows));
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = sheetName });
            if (extraSheetFirst)
            {
                // A second sheet listed after the first: the reader must take the first in workbook order.
                var other = workbook.AddNewPart<WorksheetPart>();
                other.Worksheet = new Worksheet(new SheetData(new Row(Inline("A1", "khác")) { RowIndex = 1 }));
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(other), SheetId = 2, Name = "Khác" });
            }
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable =
                new SharedStringTable(_shared.Select(s => new SharedStringItem(new Text(s))));
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "00000" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "dd/mm/yyyy" }),
        new Fonts(new Font()),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat { NumberFormatId = 0 },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }));
}
