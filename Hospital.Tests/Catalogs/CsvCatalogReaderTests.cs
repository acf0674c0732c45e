using System.Text;
using Hospital.Web.Features.Catalogs;

namespace Hospital.Tests.Catalogs;

public class CsvCatalogReaderTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static TheoryData<string, byte[], string[], string[][]> Files => new()
    {
        { "comma, LF", Utf8("code,name\nA00,Bệnh tả\n"), ["code", "name"], [["A00", "Bệnh tả"]] },
        { "CRLF, no final newline", Utf8("code,name\r\nA00,Bệnh tả\r\nA01,Thương hàn"), ["code", "name"], [["A00", "Bệnh tả"], ["A01", "Thương hàn"]] },
        { "UTF-8 BOM", [.. Bom, .. Utf8("code,name\r\n01,Kinh\r\n")], ["code", "name"], [["01", "Kinh"]] },
        { "semicolon (Excel, Vietnamese regional settings)", Utf8("code;name;price\n01.0001;Khám;34.500\n"), ["code", "name", "price"], [["01.0001", "Khám", "34.500"]] },
        { "tab", Utf8("code\tname\n02\tTày\n"), ["code", "name"], [["02", "Tày"]] },
        { "leading zeros stay text", Utf8("code,name,province_code\n00004,Phường Ba Đình,01\n"), ["code", "name", "province_code"], [["00004", "Phường Ba Đình", "01"]] },
        {
            "RFC 4180 quotes: separator, doubled quote, line break",
            Utf8("code,name,note\r\nA00.0,\"Bệnh tả do Vibrio cholerae 01, typ sinh học cholerae\",\"nói \"\"tả\"\"\r\nhai dòng\"\r\n"),
            ["code", "name", "note"],
            [["A00.0", "Bệnh tả do Vibrio cholerae 01, typ sinh học cholerae", "nói \"tả\"\r\nhai dòng"]]
        },
        { "semicolon guessed despite commas inside quotes", Utf8("code;name\n02;\"Thổ, Ngạn, Phén\"\n"), ["code", "name"], [["02", "Thổ, Ngạn, Phén"]] },
        { "blank lines and trailing empty header cells dropped", Utf8("code,name,,\n\nA00,Bệnh tả,,\n,,,\n"), ["code", "name"], [["A00", "Bệnh tả", "", ""]] },
        { "UTF-16 LE with BOM (Excel Unicode text)", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("code\tname\r\n03\tThái\r\n")], ["code", "name"], [["03", "Thái"]] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Reads_headers_and_cells_as_text(string _, byte[] bytes, string[] headers, string[][] rows)
    {
        var file = CatalogFileReader.Read(new MemoryStream(bytes), "list.csv");

        Assert.Equal(headers, file.Headers);
        Assert.Equal(rows.Length, file.Rows.Count);
        for (var i = 0; i < rows.Length; i++)
            Assert.Equal(rows[i], file.Rows[i].Cells);
    }

    [Fact]
    public void Row_numbers_are_spreadsheet_rows_counting_the_header_and_blank_lines()
    {
        var file = CsvCatalogReader.Read(Utf8("code,name\nA00,Tả\n\nA01,\"Thương\nhàn\"\nA02,Khác\n"));

        Assert.Equal([2, 4, 5], file.Rows.Select(r => r.Number));
    }

    [Fact]
    public void Keeps_Vietnamese_text_exactly_as_written()
    {
        var file = CsvCatalogReader.Read(Utf8("code,name\n01,Thành phố Hà Nội\n"));

        Assert.Equal("Thành phố Hà Nội", file.Rows[0].Cell(1));
        Assert.Equal("", file.Rows[0].Cell(7));
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "unclosed quote", Utf8("code,name\nA00,\"Bệnh tả\n"), "ngoặc kép" },
        { "Windows-1258 bytes", [.. Utf8("code,name\n01,"), 0x4B, 0xE9, 0x6E, 0x68, 0x0A], "UTF-8" },
        { "empty", [], "rỗng" },
        { "header only blanks", Utf8(",,\n"), "tiêu đề" },
        { "Excel 97-2003", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], ".xls" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Refuses_unreadable_files_with_a_Vietnamese_reason(string _, byte[] bytes, string expected)
    {
        var error = Assert.Throws<CatalogFileException>(() => CatalogFileReader.Read(new MemoryStream(bytes), "list.csv"));
        Assert.Contains(expected, error.Message);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
