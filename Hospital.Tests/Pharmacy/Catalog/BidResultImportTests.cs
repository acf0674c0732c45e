using System.Text;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Tests.Catalogs;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Catalogs.XlsxTestWorkbook;

namespace Hospital.Tests.Pharmacy.Catalog;

/// <summary>
/// The drug catalogue imported from a bid result file (kết quả lựa chọn nhà thầu) with its own
/// Vietnamese headers, CSV and Excel: a bad row is shown in the preview and nothing is imported
/// until the file is clean; the tender columns then make TT_THAU.
/// </summary>
public sealed class BidResultImportTests
{
    private const string Url = "/catalogs/drugs/import";

    private static readonly string[] Headers =
    [
        "Mã thuốc", "Tên thuốc", "Tên hoạt chất", "Nồng độ, hàm lượng", "Dạng bào chế", "Quy cách đóng gói", "Số đăng ký/GPNK",
        "Cơ sở sản xuất", "Nước sản xuất", "Đơn vị tính", "Đơn giá trúng thầu", "Nhóm thuốc", "Gói thầu", "Số quyết định", "Năm",
        "Nhóm chi phí", "Tỷ lệ TT BH",
    ];

    private static readonly string[][] Rows =
    [
        ["BT0001", "Amoxicillin 500mg", "Amoxicilin", "500mg", "Viên nang cứng", "Hộp 10 vỉ x 10 viên", "VD-12345-20", "Công ty CP Dược Hậu Giang", "Việt Nam", "Viên", "850", "4", "1", "210/QĐ-SYT", "2026", "4", "100"],
        ["BT0002", "Omeprazol 20mg", "Omeprazol", "20mg", "Viên nang tan trong ruột", "Hộp 3 vỉ x 10 viên", "893110123456", "Công ty CP Pymepharco", "Việt Nam", "Viên", "1200", "2", "1", "210/QĐ-SYT", "2026", "4", "100"],
    ];

    private static readonly string[] BadRow =
        ["BT0003", "Cefuroxim 500mg", "Cefuroxim", "500mg", "Viên nén bao phim", "Hộp 1 vỉ x 10 viên", "VD-22222-21", "Công ty CP Imexpharm", "Việt Nam", "Viên", "4500", "3", "G2", "210/QĐ-SYT", "2026", "4", "100"];

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_bid_result_csv_with_a_bad_row_is_previewed_then_the_good_rows_import_with_their_tender_reference(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = app.NewSession();
        await admin.SignInAsync("admin");

        var bad = await CatalogImportPageTests.UploadAsync(admin, Url, Csv([.. Rows, BadRow]), "ket-qua-lua-chon-nha-thau.csv");
        Assert.Equal(["4"], bad.QuerySelectorAll("[data-testid=bad-rows] tr[data-row]").Select(r => r.GetAttribute("data-row")));
        Assert.Contains("Gói thầu", bad.QuerySelector("tr[data-row='4']")!.TextContent);
        Assert.Equal(0, await CountAsync(app));

        var good = await CatalogImportPageTests.UploadAsync(admin, Url, Csv(Rows), "ket-qua-lua-chon-nha-thau.csv");
        Assert.Equal("2", good.QuerySelector("[data-testid=import-counts] [data-count=new]")!.TextContent);
        await CatalogImportPageTests.ConfirmAsync(admin, Url, good);
        await using var db = app.Database.NewContext();
        var drug = await db.Set<Drug>().AsNoTracking().SingleAsync(d => d.Code == "BT0001");
        Assert.Equal(("Viên nang cứng", "Hộp 10 vỉ x 10 viên", "VD-12345-20", "Công ty CP Dược Hậu Giang", 850m),
            (drug.DosageForm, drug.Packing, drug.RegistrationNo, drug.Manufacturer, drug.Price));
        Assert.Equal("210/QĐ-SYT;G1;N4;2026", TenderReference.Of(drug));
        Assert.Equal(2, await CountAsync(app));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_bid_result_workbook_with_a_bad_row_is_previewed_then_the_good_rows_import(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = app.NewSession();
        await admin.SignInAsync("admin");

        var bad = await CatalogImportPageTests.UploadAsync(admin, Url, Workbook([.. Rows, BadRow]), "ket-qua-thau.xlsx");
        Assert.Equal(["4"], bad.QuerySelectorAll("[data-testid=bad-rows] tr[data-row]").Select(r => r.GetAttribute("data-row")));
        var good = await CatalogImportPageTests.UploadAsync(admin, Url, Workbook(Rows), "ket-qua-thau.xlsx");
        await CatalogImportPageTests.ConfirmAsync(admin, Url, good);
        await using var db = app.Database.NewContext();
        var drug = await db.Set<Drug>().AsNoTracking().SingleAsync(d => d.Code == "BT0002");
        Assert.Equal("210/QĐ-SYT;G1;N2;2026", TenderReference.Of(drug));
        Assert.Equal("Viên nang tan trong ruột", drug.DosageForm);
    }

    [Theory]
    [InlineData("125/QĐ-BV", 1, 2, 2026, "125/QĐ-BV;G1;N2;2026")]
    [InlineData(" 33/QĐ-SYT ", 12, 5, 2025, "33/QĐ-SYT;G12;N5;2025")]
    [InlineData(null, 1, 2, 2026, null)]
    [InlineData("125/QĐ-BV", null, 2, 2026, null)]
    [InlineData("125/QĐ-BV", 1, null, 2026, null)]
    [InlineData("125/QĐ-BV", 1, 2, null, null)]
    [InlineData("125/QĐ-BV", 100, 2, 2026, null)]
    public void The_tender_reference_is_decision_package_group_year(string? decision, int? package, int? group, int? year, string? expected)
    {
        Assert.Equal(expected, TenderReference.Build(decision, package, group, year));
        if (expected is not null) Assert.True(TenderReference.IsWellFormed(expected));
    }

    [Theory]
    [InlineData("125/QĐ-BV;G1;N2;2026", true)]
    [InlineData("125/QĐ-BV;G1;N2;2026;Gi.02", true)]
    [InlineData("125/QĐ-BV;1;2;2026", false)]
    [InlineData("125/QĐ-BV;G0;N2;2026", false)]
    [InlineData("G1;N2;2026", false)]
    public void A_tender_reference_is_checked_for_its_shape(string reference, bool ok) => Assert.Equal(ok, TenderReference.IsWellFormed(reference));

    private static async Task<int> CountAsync(HospitalAppFactory app)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<Drug>().CountAsync(d => d.Code.StartsWith("BT"));
    }

    private static byte[] Csv(IEnumerable<string[]> rows) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", new[] { Headers }.Concat(rows).Select(r => string.Join(",", r.Select(c => c.Contains(',') ? $"\"{c}\"" : c)))) + "\r\n");

    private static byte[] Workbook(IReadOnlyList<string[]> rows)
    {
        var book = new XlsxTestWorkbook();
        static string Column(int i) => ((char)('A' + i)).ToString();
        book.Row(1, Headers.Select((h, i) => book.Shared($"{Column(i)}1", h)).ToArray());
        for (var r = 0; r < rows.Count; r++)
        {
            var n = (uint)(r + 2);
            book.Row(n, rows[r].Select((c, i) => decimal.TryParse(c, out _) && i >= 10 ? Number($"{Column(i)}{n}", c) : Inline($"{Column(i)}{n}", c)).ToArray());
        }
        return book.Build();
    }
}
