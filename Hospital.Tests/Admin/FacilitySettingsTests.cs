using System.Net;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Admin.AdminPages;

namespace Hospital.Tests.Admin;

public sealed class FacilitySettingsTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Saved_settings_reach_the_page_header_and_bad_codes_are_refused(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        await using (var db = app.Database.NewContext())
        {
            // The provinces catalog decides which code prefixes are valid once it has rows.
            if (!await db.Set<Province>().AnyAsync(p => p.Code == "37"))
            {
                var ninhBinh = new Province { Code = "37", Name = "Tỉnh Ninh Bình" };
                ninhBinh.RefreshSearchKey();
                db.Add(ninhBinh);
                await db.SaveChangesAsync();
            }
        }
        using var admin = await SignedInAsync(app, "admin");

        (string, string)[] Fields(string code) =>
        [
            ("Input.FacilityCode", code), ("Input.Name", "Bệnh viện Đa khoa Hoa Lư"), ("Input.Address", "Phường Hoa Lư, Ninh Bình"),
            ("Input.ProvinceCode", "37"), ("Input.Level", "Basic"), ("Input.Phone", "0229 3871 030"),
            ("Input.TaxCode", "2700123456"), ("Input.ParentAuthority", "SỞ Y TẾ NINH BÌNH"),
        ];

        var (refused, page) = await PostAsync(admin, "/admin/facility", "[data-testid=facility-form]", Fields("3701"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Mã CSKCB gồm đúng 5 chữ số.", Messages(page));
        (refused, page) = await PostAsync(admin, "/admin/facility", "[data-testid=facility-form]", Fields("98001"));
        Assert.Contains("Hai chữ số đầu của mã CSKCB (98) không phải mã tỉnh trong danh mục tỉnh/thành phố.", Messages(page));

        var (saved, _) = await PostAsync(admin, "/admin/facility", "[data-testid=facility-form]", Fields("37099"));
        Assert.True(WebSession.IsRedirectTo(saved, "/admin/facility"));
        var (after, toast) = await FollowAsync(admin, saved);
        Assert.Equal("Đã lưu thông tin cơ sở.", toast);
        Assert.Equal("Bệnh viện Đa khoa Hoa Lư", after.QuerySelector(".facility-name")?.TextContent.Trim());
        Assert.Contains("37099", after.QuerySelector(".navbar-brand")!.TextContent);

        await using (var db = app.Database.NewContext())
        {
            var row = await db.Set<FacilitySettings>().SingleAsync();
            Assert.Equal(("37099", FacilityLevel.Basic, "2700123456"), (row.FacilityCode, row.Level, row.TaxCode));
        }
    }
}
