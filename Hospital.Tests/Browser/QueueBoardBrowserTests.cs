using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Hospital.Web.Demo;
using Microsoft.Playwright;

namespace Hospital.Tests.Browser;

/// <summary>A TV shows the demo board; a doctor in another browser presses "call next"; the TV shows the number without reloading.</summary>
public sealed class QueueBoardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Call_next_on_the_doctors_page_appears_on_the_open_board(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, kestrel: true);
        var ticket = await QueueWebKit.AddTicketAsync(app, "PK07", "Hoàng Văn Thái");

        await using var tvContext = await browser.Browser.NewContextAsync();
        var tv = await tvContext.NewPageAsync();
        await tv.GotoAsync(app.BaseUrl + DemoQueueBoard.Path);
        var room = tv.Locator("[data-room=PK07]");
        Assert.Contains("—", await room.Locator(".board-called").InnerTextAsync());
        Assert.Contains(ticket.Number.ToString(), await room.Locator("[data-testid=board-next-PK07]").First.InnerTextAsync());
        // A marker on the window: it survives only if the page is not reloaded.
        await tv.EvaluateAsync("window.__notReloaded = true");

        await using var doctorContext = await browser.Browser.NewContextAsync();
        var doctor = await BrowserFixture.SignedInPageAsync(doctorContext, app, "doctor");
        await doctor.WaitForSelectorAsync("[data-testid=current-user]");
        await doctor.GotoAsync(app.BaseUrl + "/clinic");
        await doctor.ClickAsync("[data-testid=room-queue-PK07]");
        await doctor.ClickAsync("[data-testid=call-next]");
        await doctor.WaitForSelectorAsync($"[data-testid=current-{ticket.Number}]");

        var called = tv.Locator("[data-testid=board-called-PK07]");
        await Assertions.Expect(called).ToContainTextAsync("Hoàng V. Thái", new() { Timeout = 10000 });
        Assert.Contains(ticket.Number.ToString(), await called.Locator(".board-number").InnerTextAsync());
        Assert.True(await tv.EvaluateAsync<bool>("window.__notReloaded === true"));
        Assert.Contains("flash", await tv.Locator("[data-room=PK07]").GetAttributeAsync("class") ?? "");
        if (Environment.GetEnvironmentVariable("HOSPITAL_SCREENSHOTS") is { Length: > 0 } dir)
        {
            await tv.ScreenshotAsync(new() { Path = Path.Combine(dir, $"board-{provider}.png") });
            await doctor.ScreenshotAsync(new() { Path = Path.Combine(dir, $"room-queue-{provider}.png") });
        }
    }
}
