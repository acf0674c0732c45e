using System.Text;
using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Web.Features.Catalogs;

namespace Hospital.Tests.Catalogs;

public class CatalogImportPlanTests
{
    internal static CatalogImport Plan(ICatalogDefinition definition, string csv, CatalogLookups? lookups = null, params CatalogEntry[] stored) =>
        CatalogImport.Create(definition, CsvCatalogReader.Read(Encoding.UTF8.GetBytes(csv)), lookups ?? CatalogLookups.Empty,
            d => stored.Where(e => e.GetType() == d.EntityType));

    private static List<T> Apply<T>(IImportPlan plan) where T : CatalogEntry, new()
    {
        var added = new List<T>();
        ((CatalogImportPlan<T>)plan).Apply(added.Add);
        return added;
    }

    [Fact]
    public void Official_ICD_10_layout_maps_its_columns_and_ignores_the_rest()
    {
        var import = Plan(CatalogDefinitions.Icd10,
            "code,name_vi,name_en,chapter,group,group_name_vi,code_plain,code_no_dot,level,dagger_asterisk,name_vi_alt\r\n" +
            "A00,Bệnh tả,,I,A00,Bệnh tả,A00,A00,3,,\r\n" +
            "A00.0,\"Bệnh tả do Vibrio cholerae 01, typ sinh học cholerae\",,I,A00,Bệnh tả,A00.0,A000,4,,\r\n" +
            "A17.0†,Lao màng não,,I,A17,Lao hệ thần kinh,A17.0,A170,4,dagger,\r\n");

        Assert.True(import.CanImport);
        Assert.Equal(new ImportCounts("Mã bệnh ICD-10", 3, 0, 0), import.Main.Counts);
        Assert.Equal(["group_name_vi", "code_plain", "code_no_dot", "level", "dagger_asterisk", "name_vi_alt"], import.IgnoredColumns);
        var added = Apply<Icd10Code>(import.Main);
        Assert.Equal("A17.0†", added[2].Code);
        Assert.Equal(("I", "A17", null), (added[2].Chapter, added[2].GroupCode, added[2].NameEn));
        Assert.Equal("a00.0 benh ta do vibrio cholerae 01, typ sinh hoc cholerae", added[1].SearchKey.Trim());
    }

    [Fact]
    public void Headers_of_the_TT_06_2026_appendix_are_recognised_without_diacritics_or_case()
    {
        var import = Plan(CatalogDefinitions.Icd10,
            "MÃ BỆNH,TÊN BỆNH,DISEASE NAME WHO 2019 (ENGLISH),STT CHƯƠNG,MÃ NHÓM BỆNH 3 KÝ TỰ,MÃ BỆNH KHÔNG DẤU\n" +
            "B18.00,Viêm gan B mạn,Chronic viral hepatitis B,I,B18,B1800\n");

        var entry = Assert.Single(Apply<Icd10Code>(import.Main));
        Assert.Equal(("B18.00", "Viêm gan B mạn", "Chronic viral hepatitis B", "I", "B18"),
            (entry.Code, entry.Name, entry.NameEn, entry.Chapter, entry.GroupCode));
        Assert.Equal(["MÃ BỆNH KHÔNG DẤU"], import.IgnoredColumns);
    }

    public static TheoryData<int, string> BadIcdRows => new()
    {
        { 3, "Thiếu mã." },
        { 4, "Thiếu tên." },
        { 5, "Mã 'A00' trùng với dòng 2 trong tệp." },
        { 6, "Hiệu lực từ ngày: '2025-13-01' không phải ngày hợp lệ (dd/MM/yyyy hoặc yyyy-MM-dd)." },
        { 7, "Ngày hết hiệu lực phải bằng hoặc sau ngày bắt đầu hiệu lực." },
        { 8, "Mã: dài 11 ký tự, tối đa 10." },
    };

    private const string IcdWithBadRows =
        "code,name,valid_from,valid_to\n" +
        "A00,Bệnh tả,,\n" +
        ",Bệnh không mã,,\n" +
        "A01,,,\n" +
        "A00,Trùng mã,,\n" +
        "A02,Ngày sai,2025-13-01,\n" +
        "A03,Hết trước khi bắt đầu,01/07/2025,30/06/2025\n" +
        "A00.1234567,Mã quá dài,,\n" +
        "A04,Dòng tốt,01/07/2025,\n";

    [Theory]
    [MemberData(nameof(BadIcdRows))]
    public void Each_bad_row_is_listed_with_its_row_number_and_reason(int row, string reason)
    {
        var import = Plan(CatalogDefinitions.Icd10, IcdWithBadRows);

        Assert.Equal([3, 4, 5, 6, 7, 8], import.BadRows.Select(b => b.Row));
        Assert.Contains(reason, import.BadRows.Single(b => b.Row == row).Reasons);
    }

    [Fact]
    public void Nothing_is_imported_while_any_row_is_bad()
    {
        var import = Plan(CatalogDefinitions.Icd10, IcdWithBadRows);

        Assert.False(import.CanImport);
        var added = new List<Icd10Code>();
        Assert.Throws<InvalidOperationException>(() => ((CatalogImportPlan<Icd10Code>)import.Main).Apply(added.Add));
        Assert.Empty(added);
    }

    [Fact]
    public void Upsert_by_code_counts_new_updated_and_unchanged_and_keeps_columns_the_file_lacks()
    {
        var cholera = new Icd10Code { Id = 1, Code = "A00", Name = "Bệnh tả", Chapter = "I" };
        var typhoid = new Icd10Code { Id = 2, Code = "A01", Name = "Thương hàn (tên cũ)", Chapter = "I", ValidFrom = new DateOnly(2020, 1, 1) };

        var import = Plan(CatalogDefinitions.Icd10, "code,name\nA00,Bệnh tả\nA01,Bệnh thương hàn và phó thương hàn\nA02,Nhiễm Salmonella khác\n",
            null, cholera, typhoid);

        Assert.Equal(new ImportCounts("Mã bệnh ICD-10", 1, 1, 1), import.Main.Counts);
        var added = Apply<Icd10Code>(import.Main);
        Assert.Equal("A02", Assert.Single(added).Code);
        Assert.Equal("Bệnh thương hàn và phó thương hàn", typhoid.Name);
        Assert.Contains("thuong han va pho thuong han", typhoid.SearchKey);
        Assert.Equal(("I", new DateOnly(2020, 1, 1)), (typhoid.Chapter, typhoid.ValidFrom));
    }

    [Fact]
    public void Missing_required_columns_and_empty_files_are_file_errors()
    {
        var noName = Plan(CatalogDefinitions.Icd10, "code,chapter\nA00,I\n");
        var noDepartment = Plan(CatalogDefinitions.Rooms, "code,name,kind\nP01,Phòng khám 1,Phòng khám\n");
        var noRows = Plan(CatalogDefinitions.Icd10, "code,name\n");

        Assert.Contains(noName.FileErrors, e => e.StartsWith("Thiếu cột \"Tên\""));
        Assert.Contains(noDepartment.FileErrors, e => e.StartsWith("Thiếu cột \"Khoa\""));
        Assert.Contains("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.", noRows.FileErrors);
        Assert.All([noName, noDepartment, noRows], i => Assert.False(i.CanImport));
    }

    [Fact]
    public void Rooms_name_their_department_by_code()
    {
        var lookups = new CatalogLookups([new DepartmentRef(5, "K01", "Khoa Khám bệnh", true)], new Dictionary<string, string>());

        var import = Plan(CatalogDefinitions.Rooms,
            "ma_phong;ten_phong;ma_khoa;loai;so_giuong\nP01;Phòng khám Nội 1;K01;Phòng khám;12\nP02;Phòng khám Ngoại;K99;phong kham;\nP03;Buồng 3;K01;Buồng bệnh;ba\n", lookups);

        Assert.Equal("Khoa: không có khoa mã 'K99'.", Assert.Single(import.BadRows.Single(b => b.Row == 3).Reasons));
        Assert.Equal("Số giường / lượt khám mỗi giờ: 'ba' không phải số nguyên.", Assert.Single(import.BadRows.Single(b => b.Row == 4).Reasons));
        var room = ((CatalogImportPlan<Room>)import.Main).Rows[0].Candidate;
        Assert.Equal((5, RoomKind.ExamRoom, (int?)12), (room.DepartmentId, room.Kind, room.Capacity));
    }
}
