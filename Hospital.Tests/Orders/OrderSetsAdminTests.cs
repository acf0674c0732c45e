using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Orders;

/// <summary>An administrator manages order sets at /admin/order-sets; doctors get them as buttons.</summary>
public sealed class OrderSetsAdminTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_admin_creates_and_edits_a_set_and_bad_codes_are_refused(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = app.NewSession();
        await admin.SignInAsync("admin");
        var (_, page) = await admin.GetPageAsync("/admin/order-sets");
        Assert.Contains(page.QuerySelectorAll("[data-testid=order-set-row]"), r => r.GetAttribute("data-code") == "SHM-CB");

        var refused = await admin.SubmitAsync(page, "[data-testid=order-set-form]", new Dictionary<string, string>
        {
            ["SetCode"] = "gan", ["SetName"] = "Chức năng gan", ["SetServices"] = "23.0019.1493\n99.9999.9999\n02.1896.1888", ["SetActive"] = "true",
        }, "/admin/order-sets");
        var errors = (await refused.Content.ReadAsStringAsync());
        Assert.Contains("Không có dịch vụ mã 99.9999.9999", errors);
        Assert.Contains("không đưa vào bộ chỉ định được", errors);

        var saved = await admin.SubmitAsync(page, "[data-testid=order-set-form]", new Dictionary<string, string>
        {
            ["SetCode"] = "gan", ["SetName"] = "Chức năng gan", ["SetServices"] = "23.0019.1493 AST\n23.0020.1493\n23.0077.1518", ["SetActive"] = "true",
        }, "/admin/order-sets");
        Assert.True(WebSession.IsRedirectTo(saved, "/admin/order-sets"), $"{(int)saved.StatusCode}");
        await using var db = app.Database.NewContext();
        var set = await db.Set<OrderSet>().AsNoTracking().Include(s => s.Items).ThenInclude(i => i.Service).SingleAsync(s => s.Code == "GAN");
        Assert.Equal(["23.0019.1493", "23.0020.1493", "23.0077.1518"], set.Items.OrderBy(i => i.Position).Select(i => i.Service!.Code));

        var (_, edit) = await admin.GetPageAsync($"/admin/order-sets?id={set.Id}");
        var changed = await admin.SubmitAsync(edit, "[data-testid=order-set-form]", new Dictionary<string, string>
        {
            ["SetCode"] = "GAN", ["SetName"] = "Men gan", ["SetServices"] = "23.0020.1493\n23.0019.1493",
        }, "/admin/order-sets");
        Assert.True(WebSession.IsRedirectTo(changed, "/admin/order-sets"), $"{(int)changed.StatusCode}");
        await using var check = app.Database.NewContext();
        var after = await check.Set<OrderSet>().AsNoTracking().Include(s => s.Items).ThenInclude(i => i.Service).SingleAsync(s => s.Id == set.Id);
        Assert.Equal("Men gan", after.Name);
        Assert.False(after.IsActive);
        Assert.Equal(["23.0020.1493", "23.0019.1493"], after.Items.OrderBy(i => i.Position).Select(i => i.Service!.Code));
    }
}
