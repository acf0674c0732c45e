using Hospital.Domain.Catalog;
using Hospital.Web.Features.Catalogs;
using static Hospital.Tests.Catalogs.CatalogImportPlanTests;

namespace Hospital.Tests.Catalogs;

/// <summary>The national list holds provinces and communes in one file; importing communes also upserts provinces.</summary>
public class CommuneImportTests
{
    private const string Header = "province_code,province_name,commune_code,commune_name,commune_type\r\n";

    [Fact]
    public void Provinces_in_the_file_are_upserted_with_the_communes()
    {
        var hanoi = new Province { Id = 1, Code = "01", Name = "Thành phố Hà Nội" };
        var lookups = new CatalogLookups([], new Dictionary<string, string> { ["01"] = hanoi.Name });

        var import = Plan(CatalogDefinitions.Communes, Header +
            "01,Thành phố Hà Nội,00004,Phường Ba Đình,Phường\r\n" +
            "01,Thành phố Hà Nội,00008,Phường Ngọc Hà,Phường\r\n" +
            "02,Tỉnh Tuyên Quang,00793,Xã Phố Bảng,Xã\r\n" +
            "02,Tỉnh Tuyên Quang,00796,Đặc khu Thử,đặc khu\r\n", lookups, hanoi);

        Assert.True(import.CanImport, string.Join("; ", import.BadRows.SelectMany(b => b.Reasons)));
        Assert.Equal([new ImportCounts("Xã, phường, đặc khu", 4, 0, 0), new ImportCounts("Tỉnh, thành phố", 1, 0, 1)], import.Counts);
        Assert.Empty(import.IgnoredColumns);
        var communes = ((CatalogImportPlan<Commune>)import.Main).Rows.Select(r => r.Candidate).ToList();
        Assert.Equal(("00793", "02", "Xã"), (communes[2].Code, communes[2].ProvinceCode, communes[2].Kind));
        Assert.Equal("Đặc khu", communes[3].Kind);
        var province = Assert.Single(((CatalogImportPlan<Province>)import.Linked!).Rows, r => r.Action == RowAction.New).Candidate;
        Assert.Equal(("02", "Tỉnh Tuyên Quang"), (province.Code, province.Name));
    }

    [Fact]
    public void A_province_code_neither_stored_nor_named_in_the_file_is_a_bad_row()
    {
        var import = Plan(CatalogDefinitions.Communes, Header +
            "01,Thành phố Hà Nội,00004,Phường Ba Đình,Phường\r\n" +
            "98,,00005,Xã Không Tỉnh,Xã\r\n");

        var bad = Assert.Single(import.BadRows);
        Assert.Equal((3, "00005"), (bad.Row, bad.Code));
        Assert.Equal(["Tỉnh, thành phố: không có tỉnh/thành mã '98'."], bad.Reasons);
    }

    [Fact]
    public void One_province_code_with_two_names_is_a_bad_row()
    {
        var import = Plan(CatalogDefinitions.Communes, Header +
            "01,Thành phố Hà Nội,00004,Phường Ba Đình,Phường\r\n" +
            "01,Hà Nội,00008,Phường Ngọc Hà,Phường\r\n" +
            "01,Thành phố Hà Nội,00025,Phường Giảng Võ,Thị trấn\r\n");

        Assert.Equal([3, 4], import.BadRows.Select(b => b.Row));
        Assert.Contains("khác với dòng 2", Assert.Single(import.BadRows[0].Reasons));
        Assert.Equal("Loại: 'Thị trấn' không thuộc danh sách: Xã, Phường, Đặc khu.", Assert.Single(import.BadRows[1].Reasons));
        Assert.False(import.CanImport);
    }

    [Fact]
    public void Our_own_layout_needs_the_provinces_already_stored()
    {
        var lookups = new CatalogLookups([], new Dictionary<string, string> { ["01"] = "Thành phố Hà Nội" });

        var import = Plan(CatalogDefinitions.Communes, "code,name,province_code,kind,valid_from\n00004,Phường Ba Đình,01,Phường,2025-07-01\n", lookups);

        Assert.Null(import.Linked);
        Assert.True(import.CanImport);
        Assert.Equal(new DateOnly(2025, 7, 1), ((CatalogImportPlan<Commune>)import.Main).Rows[0].Candidate.ValidFrom);
    }
}
