using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Hospital.Web.Features.Catalogs;
using Hospital.Web.Platform.Spreadsheets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Platform;

public class XlsxTableTests
{
    private static readonly XlsxColumn[] Columns =
    [
        new("Mã nhóm"), new("Tên nhóm", Width: 30), new("Số lượng", XlsxKind.Number),
        new("Thành tiền", XlsxKind.Money), new("Ngày", XlsxKind.Date), new("Lúc", XlsxKind.DateTime),
    ];

    private static XlsxSheet Sheet(string name = "Theo nhóm chi phí") => new(name, Columns,
    [
        ["01", "Xét nghiệm", 2, 123456.5m, new DateOnly(2025, 7, 1), new DateTime(2025, 7, 1, 8, 30, 0)],
        ["1.11", null, 1.5m, 0m, null, null],
    ])
    {
        Titles = ["Báo cáo chi phí KCB BHYT", "Tháng 07/2025"],
        Total = ["Tổng cộng", null, null, 123456.5m],
    };

    [Fact]
    public void Codes_stay_text_money_and_dates_are_numbers_with_formats()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(XlsxTable.ToBytes(Sheet())), isEditable: false);
        var cells = Cells(document, 0);

        Assert.Equal("Báo cáo chi phí KCB BHYT", cells["A1"].Text);
        Assert.Equal("Tháng 07/2025", cells["A2"].Text);
        Assert.Equal("Mã nhóm", cells["A4"].Text);
        Assert.Equal("Thành tiền", cells["D4"].Text);
        Assert.Equal("01", cells["A5"].Text);
        Assert.Equal("1.11", cells["A6"].Text);
        Assert.Equal(("123456.5", "#,##0.00"), (cells["D5"].Text, cells["D5"].Format));
        Assert.Equal(("2", "General"), (cells["C5"].Text, cells["C5"].Format));
        Assert.Equal(("45839", "dd/mm/yyyy"), (cells["E5"].Text, cells["E5"].Format));
        Assert.Equal(("45839.35416667", "dd/mm/yyyy hh:mm"), (cells["F5"].Text, cells["F5"].Format));
        Assert.False(cells.ContainsKey("B6"));
        Assert.Equal(("Tổng cộng", true), (cells["A7"].Text, cells["A7"].Bold));
        Assert.True(cells["D7"].Bold);
        Assert.False(cells["D5"].Bold);
    }

    [Fact]
    public void The_catalog_reader_sees_the_same_values_as_a_user()
    {
        var sheet = Sheet() with { Titles = [] };
        var file = XlsxCatalogReader.Read(XlsxTable.ToBytes(sheet));

        Assert.Equal(["Mã nhóm", "Tên nhóm", "Số lượng", "Thành tiền", "Ngày", "Lúc"], file.Headers);
        Assert.Equal(["01", "Xét nghiệm", "2", "123456.5", "2025-07-01", "2025-07-01"], file.Rows[0].Cells);
        Assert.Equal(3, file.Rows.Count);
    }

    [Fact]
    public void Several_sheets_get_valid_unique_names()
    {
        var bytes = XlsxTable.ToBytes(Sheet("Theo đối tượng"), Sheet("Theo khoa/phòng [tháng 7] có tên rất dài hơn 31 ký tự"), Sheet("theo đối tượng"));
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);

        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToArray();
        Assert.Equal("Theo đối tượng", names[0]);
        Assert.Equal("Theo khoa-phòng -tháng 7- có tê", names[1]);
        Assert.Equal("theo đối tượng (2)", names[2]);
        Assert.All(names, n => Assert.True(n!.Length <= 31));
        Assert.Equal("01", Cells(document, 2)["A5"].Text);
    }

    [Fact]
    public void A_row_wider_than_the_header_is_refused()
    {
        var sheet = new XlsxSheet("x", [new XlsxColumn("A")], [["a", "b"]]);
        Assert.Throws<ArgumentException>(() => XlsxTable.ToBytes(sheet));
    }

    [Fact]
    public void Many_rows_stream_into_one_sheet()
    {
        var rows = Enumerable.Range(1, 20_000).Select(i => (IReadOnlyList<object?>)[$"{i:00000}", "Dịch vụ", i, i * 1.25m, null, null]);
        using var document = SpreadsheetDocument.Open(new MemoryStream(XlsxTable.ToBytes(new XlsxSheet("Lớn", Columns, rows))), isEditable: false);

        var cells = Cells(document, 0);
        Assert.Equal("20000", cells["A20001"].Text);
        Assert.Equal("25000", cells["D20001"].Text);
    }

    [Fact]
    public async Task The_download_is_an_xlsx_with_a_Vietnamese_file_name()
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        var body = new MemoryStream();
        context.Response.Body = body;

        await XlsxTable.Download("Báo cáo tháng 07-2025", Sheet()).ExecuteAsync(context);

        Assert.Equal(XlsxTable.ContentType, context.Response.ContentType);
        Assert.Contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20th%C3%A1ng%2007-2025.xlsx", context.Response.Headers.ContentDisposition.ToString());
        using var document = SpreadsheetDocument.Open(new MemoryStream(body.ToArray()), isEditable: false);
        Assert.Equal("01", Cells(document, 0)["A5"].Text);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_names(int index, string name) => Assert.Equal(name, XlsxTable.ColumnName(index));

    private sealed record CellView(string Text, string Format, bool Bold);

    private static Dictionary<string, CellView> Cells(SpreadsheetDocument document, int sheetIndex)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().ElementAt(sheetIndex);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        return part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c =>
        {
            var format = formats[(int)(c.StyleIndex?.Value ?? 0)];
            var id = format.NumberFormatId?.Value ?? 0;
            var code = custom.TryGetValue(id, out var f) ? f : id == 49 ? "@" : "General";
            var text = c.DataType?.Value == CellValues.InlineString ? c.InlineString!.Text!.Text : c.CellValue!.Text;
            return new CellView(text, code, format.FontId?.Value == 1);
        });
    }
}
