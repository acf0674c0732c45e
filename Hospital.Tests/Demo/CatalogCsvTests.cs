using Hospital.Web.Demo;

namespace Hospital.Tests.Demo;

public sealed class CatalogCsvTests
{
    private static IReadOnlyList<CatalogCsvRow> Parse(string text) => CatalogCsv.Parse(new StringReader(text), "test.csv");

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        var rows = Parse("code,name,other_names\r\n02,Tày,\"Thổ, Ngạn\"\r\n03,\"Tên \"\"có\"\" ngoặc\",\"hai\r\ndòng\"\r\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal("Thổ, Ngạn", rows[0].Optional("other_names"));
        Assert.Equal("Tên \"có\" ngoặc", rows[1].Required("name"));
        Assert.Equal("hai\r\ndòng", rows[1].Optional("other_names"));
    }

    [Fact]
    public void Missing_final_newline_blank_lines_and_empty_cells_are_fine()
    {
        var rows = Parse("code,name,parent_code\n01,A,\n\n02,B,01");
        Assert.Equal(2, rows.Count);
        Assert.Null(rows[0].Optional("parent_code"));
        Assert.Equal("01", rows[1].Optional("parent_code"));
        Assert.Null(rows[1].Optional("no_such_column"));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_columns_names_file_and_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse("code,name\n01,A\n02,B,extra\n"));
        Assert.Contains("test.csv dòng 3", error.Message);
    }

    [Fact]
    public void An_unclosed_quote_is_reported()
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse("code,name\n01,\"A\n"));
        Assert.Contains("ngoặc kép", error.Message);
    }

    [Fact]
    public void Typed_cells_are_checked_with_a_reason()
    {
        var row = Parse("code,level,valid_from\n01,x,2025-13-01\n")[0];
        Assert.Contains("số nguyên", Assert.Throws<InvalidDataException>(() => row.Int("level")).Message);
        Assert.Contains("yyyy-MM-dd", Assert.Throws<InvalidDataException>(() => row.Date("valid_from")).Message);
        Assert.Contains("\"name\"", Assert.Throws<InvalidDataException>(() => row.Required("name")).Message);
    }
}
