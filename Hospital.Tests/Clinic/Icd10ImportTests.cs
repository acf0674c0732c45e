using Hospital.Domain.Catalog;
using Hospital.Domain.Patients;
using Hospital.Web.Features.Catalogs;
using static Hospital.Tests.Catalogs.CatalogImportPlanTests;

namespace Hospital.Tests.Clinic;

/// <summary>The ICD-10 import carries the main-diagnosis and sex flags the diagnosis rules read.</summary>
public sealed class Icd10ImportTests
{
    private static List<Icd10Code> Imported(string csv)
    {
        var import = Plan(CatalogDefinitions.Icd10, csv);
        Assert.True(import.CanImport, string.Join("; ", import.BadRows.SelectMany(r => r.Reasons).Concat(import.FileErrors)));
        var added = new List<Icd10Code>();
        ((CatalogImportPlan<Icd10Code>)import.Main).Apply(added.Add);
        return added;
    }

    [Fact]
    public void Primary_use_and_sex_columns_are_read_by_name_or_label()
    {
        var codes = Imported(
            "code,name,primary_use,sex\r\n" +
            "W19,Ngã không rõ đặc điểm,NotAsPrimary,\r\n" +
            "R69,Bệnh không rõ,Không khuyến khích làm bệnh chính,\r\n" +
            "O80.0,Đẻ thường ngôi đầu,,Female\r\n" +
            "N40,Tăng sản tuyến tiền liệt,,Nam\r\n" +
            "G63.2*,Bệnh đa dây thần kinh do đái tháo đường,,\r\n");
        Assert.Equal(
            [
                ("W19", Icd10PrimaryUse.NotAsPrimary, (Sex?)null), ("R69", Icd10PrimaryUse.Discouraged, null),
                ("O80.0", Icd10PrimaryUse.Allowed, Sex.Female), ("N40", Icd10PrimaryUse.Allowed, Sex.Male),
                // The column is there and blank: stored as given (the rules still refuse an asterisk code as main).
                ("G63.2*", Icd10PrimaryUse.Allowed, null),
            ],
            codes.Select(c => (c.Code, c.PrimaryUse, c.SexRestriction)));
    }

    [Fact]
    public void Without_the_primary_use_column_an_asterisk_code_is_not_a_main_diagnosis()
    {
        var codes = Imported("code,name\r\nE11.4†,Đái tháo đường có biến chứng thần kinh\r\nG63.2*,Bệnh đa dây thần kinh do đái tháo đường\r\n");
        Assert.Equal([("E11.4†", Icd10PrimaryUse.Allowed), ("G63.2*", Icd10PrimaryUse.NotAsPrimary)], codes.Select(c => (c.Code, c.PrimaryUse)));
    }

    [Fact]
    public void The_shipped_subset_marks_asterisk_and_external_cause_codes()
    {
        var codes = Hospital.Tests.Demo.ShippedCatalogTests.Read<Icd10Code>().ToDictionary(c => c.Code);
        Assert.All(codes.Values.Where(c => c.Code.EndsWith('*') || c.Chapter == "XX"), c => Assert.Equal(Icd10PrimaryUse.NotAsPrimary, c.PrimaryUse));
        Assert.Equal(Icd10PrimaryUse.Allowed, codes["E11.4†"].PrimaryUse);
        Assert.Equal(Sex.Female, codes["O80.0"].SexRestriction);
    }
}
