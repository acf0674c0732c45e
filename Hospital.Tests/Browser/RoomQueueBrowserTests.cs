using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Microsoft.Playwright;

namespace Hospital.Tests.Browser;

/// <summary>The doctor's room queue keeps up with reception by itself: a patient registered after the page opened appears without a reload.</summary>
public sealed class RoomQueueBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_patient_registered_after_the_queue_page_opened_appears_on_it(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, kestrel: true);
        await using var context = await browser.Browser.NewContextAsync();
        var doctor = await BrowserFixture.SignedInPageAsync(context, app, "doctor");
        await doctor.GotoAsync(app.BaseUrl + "/clinic/rooms/PK06/queue");
        await doctor.WaitForSelectorAsync("[data-testid=no-waiting]");
        Assert.True(await doctor.IsDisabledAsync("[data-testid=call-next]"));
        await doctor.EvaluateAsync("window.__notReloaded = true");

        var ticket = await QueueWebKit.AddTicketAsync(app, "PK06", "Lê Thị Hoa");

        // The page re-reads itself every 15 s while visible.
        await Assertions.Expect(doctor.Locator($"[data-testid=waiting-{ticket.Number}]")).ToContainTextAsync("Lê Thị Hoa", new() { Timeout = 25000 });
        Assert.False(await doctor.IsDisabledAsync("[data-testid=call-next]"));
        Assert.True(await doctor.EvaluateAsync<bool>("window.__notReloaded === true"));
    }
}
