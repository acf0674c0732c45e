using Hospital.Domain.Data;
using Hospital.Domain.Outbox;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Outbox;
using Microsoft.Playwright;

namespace Hospital.Tests.Browser;

/// <summary>An administrator in Chromium: cancels an outbox message through the confirm dialog, verifies the audit chain.</summary>
public sealed class AuditOutboxBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Admin_cancels_a_message_after_confirming_and_verifies_the_audit_chain(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, kestrel: true);
        var id = (await OutboxTestKit.EnqueueAsync(app.Database, TimeProvider.System, "bhxh.card-check", 1)).Single();
        await using var context = await browser.Browser.NewContextAsync();
        var page = await BrowserFixture.SignedInPageAsync(context, app, "admin");
        await page.WaitForSelectorAsync("[data-testid=current-user]");

        await page.GotoAsync(app.BaseUrl + "/admin/outbox");
        await page.ClickAsync("[data-testid=outbox-cancel]");
        var dialog = page.Locator("#confirm-dialog");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Contains($"Hủy tin nhắn #{id}?", await dialog.InnerTextAsync());
        await page.ClickAsync("[data-confirm-ok]");
        await page.WaitForSelectorAsync("[data-testid=toast]");
        Assert.Contains($"Đã hủy tin nhắn #{id}.", await page.InnerTextAsync("[data-testid=toast]"));
        Assert.Equal("Đã hủy", (await page.InnerTextAsync("[data-testid=outbox-state]")).Trim());
        Assert.Equal(OutboxState.Cancelled, (await OutboxTestKit.LoadAsync(app.Database, id)).State);

        await page.GotoAsync(app.BaseUrl + "/admin/audit");
        await page.ClickAsync("[data-testid=verify-chain]");
        var toast = await page.WaitForSelectorAsync("[data-testid=toast]");
        Assert.Contains("Chuỗi nhật ký toàn vẹn", await toast!.InnerTextAsync());
        if (Environment.GetEnvironmentVariable("HOSPITAL_SCREENSHOTS") is { Length: > 0 } dir)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"audit-{provider}.png"), FullPage = false });
            await page.GotoAsync(app.BaseUrl + "/admin/outbox");
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"outbox-{provider}.png") });
        }
    }
}
