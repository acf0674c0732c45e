using Hospital.Web.Features.Catalogs;
using static Hospital.Tests.Catalogs.XlsxTestWorkbook;

namespace Hospital.Tests.Catalogs;

public class XlsxCatalogReaderTests
{
    private static CatalogFile Read(byte[] bytes) => CatalogFileReader.Read(new MemoryStream(bytes), "danh-muc.xlsx");

    [Fact]
    public void Reads_the_header_and_rows_of_the_first_sheet_as_text()
    {
        var book = new XlsxTestWorkbook();
        book.Row(1, book.Shared("A1", "code"), book.Shared("B1", "name"), Inline("C1", "province_code"), book.Shared("D1", "valid_from"))
            .Row(2, Number("A2", "4", ZeroPadded5), book.Shared("B2", "Phường Ba Đình"), book.Shared("C2", "01"), Number("D2", "45839", BuiltInDate))
            .Row(3)
            .Row(4, Inline("A4", "00008"), Inline("C4", "01"), Number("D4", "45840", CustomDate));

        var file = Read(book.Build(extraSheetFirst: true));

        Assert.Equal(["code", "name", "province_code", "valid_from"], file.Headers);
        Assert.Equal(2, file.Rows.Count);
        Assert.Equal(2, file.Rows[0].Number);
        Assert.Equal(["00004", "Phường Ba Đình", "01", "2025-07-01"], file.Rows[0].Cells);
        Assert.Equal(4, file.Rows[1].Number);
        Assert.Equal(["00008", "", "01", "2025-07-02"], file.Rows[1].Cells);
    }

    public static TheoryData<string, Func<XlsxTestWorkbook, DocumentFormat.OpenXml.Spreadsheet.Cell>, string> Cells => new()
    {
        { "shared string", b => b.Shared("A2", "Bệnh tả"), "Bệnh tả" },
        { "inline string", _ => Inline("A2", "Xã Phố Bảng"), "Xã Phố Bảng" },
        { "rich text runs", _ => RichText("A2", "Xã ", "Phố Bảng"), "Xã Phố Bảng" },
        { "12-digit number stays digits", _ => Number("A2", "123456789012"), "123456789012" },
        { "decimal", _ => Number("A2", "34500.5"), "34500.5" },
        { "float noise rounded as Excel shows", _ => Number("A2", "0.30000000000000004"), "0.3" },
        { "zero-padded code", _ => Number("A2", "25", ZeroPadded5), "00025" },
        { "date serial in a date format", _ => Number("A2", "45658", BuiltInDate), "2025-01-01" },
        { "number in General is not a date", _ => Number("A2", "45658"), "45658" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Converts_each_kind_of_cell(string _, Func<XlsxTestWorkbook, DocumentFormat.OpenXml.Spreadsheet.Cell> cell, string expected)
    {
        var book = new XlsxTestWorkbook();
        book.Row(1, Inline("A1", "code")).Row(2, cell(book));

        Assert.Equal(expected, Read(book.Build()).Rows[0].Cell(0));
    }

    [Fact]
    public void Header_may_start_below_empty_rows()
    {
        var book = new XlsxTestWorkbook();
        book.Row(1).Row(2, Inline("B2", "MÃ BỆNH"), Inline("C2", "TÊN BỆNH")).Row(3, Inline("B3", "A00"), Inline("C3", "Bệnh tả"));

        var file = Read(book.Build());

        Assert.Equal(["", "MÃ BỆNH", "TÊN BỆNH"], file.Headers);
        Assert.Equal(3, file.Rows[0].Number);
        Assert.Equal("A00", file.Rows[0].Cell(1));
    }

    [Fact]
    public void A_broken_package_is_refused_in_Vietnamese()
    {
        byte[] broken = [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6];
        var error = Assert.Throws<CatalogFileException>(() => Read(broken));
        Assert.Contains("Excel", error.Message);
    }

    [Theory]
    [InlineData("A1", 0)]
    [InlineData("C12", 2)]
    [InlineData("Z3", 25)]
    [InlineData("AA7", 26)]
    public void Column_letters_give_the_index(string reference, int index) =>
        Assert.Equal(index, XlsxCatalogReader.ColumnIndex(reference));
}
