using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Hospital.Web.Platform.Spreadsheets;

/// <summary>
/// The workbook's one stylesheet: cell formats by kind (text, money, number, date, date-time),
/// each plain and bold. Custom number formats start at id 164 (ECMA-376 §18.8.30: 0–163 are built in).
/// </summary>
internal static class XlsxStyles
{
    private const uint MoneyFormat = 164, DateFormat = 165, DateTimeFormat = 166;

    /// <summary>cellXfs index of the header row: bold, wrapped, grey fill, thin border.</summary>
    public const uint Header = 10;

    private static readonly XlsxKind[] Kinds = [XlsxKind.Text, XlsxKind.Money, XlsxKind.Number, XlsxKind.Date, XlsxKind.DateTime];

    /// <summary>cellXfs index: kinds in <see cref="Kinds"/> order, plain at 0–4, bold at 5–9.</summary>
    public static uint For(XlsxKind kind, bool bold) => (uint)Array.IndexOf(Kinds, kind) + (bold ? 5u : 0u);

    private static uint NumberFormatOf(XlsxKind kind) => kind switch
    {
        XlsxKind.Money => MoneyFormat,
        XlsxKind.Date => DateFormat,
        XlsxKind.DateTime => DateTimeFormat,
        XlsxKind.Text => 49, // built-in "@"
        _ => 0, // General
    };

    public static Stylesheet Stylesheet()
    {
        var formats = new CellFormats();
        foreach (var bold in new[] { false, true })
            foreach (var kind in Kinds)
                formats.Append(new CellFormat
                {
                    NumberFormatId = NumberFormatOf(kind), FontId = bold ? 1u : 0u, FillId = 0, BorderId = 0,
                    ApplyNumberFormat = true, ApplyFont = bold,
                });
        formats.Append(new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center })
        {
            NumberFormatId = 49, FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
        });
        formats.Count = (uint)formats.ChildElements.Count;

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = MoneyFormat, FormatCode = "#,##0.00" },
                new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "dd/mm/yyyy" },
                new NumberingFormat { NumberFormatId = DateTimeFormat, FormatCode = "dd/mm/yyyy hh:mm" }) { Count = 3 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = HexBinaryValue.FromString("FFE7EEF7") }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(
                    new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
                    new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin },
                    new DiagonalBorder())) { Count = 2 },
            formats);
    }
}
