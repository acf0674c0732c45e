using System.Text.RegularExpressions;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Demo;
using Microsoft.Playwright;

namespace Hospital.Tests.Browser;

/// <summary>
/// Issue 3's browser acceptance, end to end in Chromium: a clerk scans a CCCD QR into the search
/// box, gets the new-patient form prefilled, adds the BHYT card, registers a visit to a room,
/// prints the ticket (number and barcode); the waiting-hall board shows the new number without
/// reloading, and the doctor's "call next" puts it up as the called number.
/// </summary>
public sealed class ReceptionFlowBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // A man born 15/03/1985 whose birth was registered in Ninh Bình (037): sex/century digit 0, year 85.
    private const string Qr = "037085012345|123456789|NGUYỄN VĂN AN|15031985|Nam|Thôn Đông, xã Gia Viễn, Ninh Bình|10052021";

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_scanned_CCCD_becomes_a_registered_visit_whose_number_the_board_shows_and_calls(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, kestrel: true);

        await using var tvContext = await browser.Browser.NewContextAsync();
        var tv = await tvContext.NewPageAsync();
        await tv.GotoAsync(app.BaseUrl + DemoQueueBoard.Path);
        await tv.WaitForSelectorAsync("[data-room=PK01]");
        await tv.EvaluateAsync("window.__notReloaded = true");

        await using var clerkContext = await browser.Browser.NewContextAsync();
        var clerk = await BrowserFixture.SignedInPageAsync(clerkContext, app, "reception");
        await clerk.GotoAsync(app.BaseUrl + "/reception");
        // The scanner types the QR text like a keyboard and ends with Enter.
        var box = clerk.Locator("#reception-q");
        await box.PressSequentiallyAsync(Qr);
        await box.PressAsync("Enter");

        await clerk.WaitForURLAsync(new Regex("/reception/patients/new"));
        Assert.Equal("Nguyễn Văn An", await clerk.InputValueAsync("#FullName"));
        Assert.Equal("1985-03-15", await clerk.InputValueAsync("#BirthDate"));
        Assert.Equal("037085012345", await clerk.InputValueAsync("#Cccd"));
        Assert.Equal("123456789", await clerk.InputValueAsync("#OldIdNumber"));

        await clerk.FillAsync("#BhytCardNumber", "HC4370123456789");
        await clerk.FillAsync("#BhytValidFrom", "2026-01-01");
        await clerk.FillAsync("#BhytValidTo", "2026-12-31");
        await clerk.FillAsync("#BhytPrimaryFacilityCode", "37001");
        await clerk.ClickAsync("[data-testid=save-patient]");
        await clerk.WaitForURLAsync(new Regex(@"/reception/patients/\d+$"));
        Assert.Contains("HC4370123456789", await clerk.InnerTextAsync("[data-testid=cards]"));

        await clerk.ClickAsync("[data-testid=register-visit]");
        await clerk.WaitForURLAsync(new Regex(@"/reception/patients/\d+/visits/new"));
        Assert.True(await clerk.IsCheckedAsync("#kind-bhyt"), "a patient with a valid card is registered as BHYT by default");
        await clerk.Locator("[data-testid=room-option]", new() { HasText = "PK01" }).ClickAsync();
        await clerk.ClickAsync("#visit-form [data-testid=register-visit]");
        await clerk.WaitForURLAsync(new Regex(@"/reception/visits/\d+$"));
        var number = (await clerk.InnerTextAsync("[data-testid=ticket-number]")).Trim();
        Assert.Equal("1", number);

        await clerk.ClickAsync("[data-testid=print-ticket]");
        await clerk.WaitForURLAsync(new Regex(@"/reception/visits/\d+/ticket"));
        Assert.Equal(number, (await clerk.InnerTextAsync("[data-testid=ticket] [data-testid=ticket-number]")).Trim());
        Assert.True(await clerk.Locator(".ticket-barcode svg").CountAsync() == 1, "the ticket carries the visit code as a Code 128 barcode");

        // The board heard of the new ticket without a reload.
        await Assertions.Expect(tv.Locator("[data-testid=board-next-PK01]").First).ToHaveTextAsync(number, new() { Timeout = 10000 });

        await using var doctorContext = await browser.Browser.NewContextAsync();
        var doctor = await BrowserFixture.SignedInPageAsync(doctorContext, app, "doctor");
        await doctor.GotoAsync(app.BaseUrl + "/clinic/rooms/PK01/queue");
        await doctor.ClickAsync("[data-testid=call-next]");
        await doctor.WaitForSelectorAsync($"[data-testid=current-{number}]");

        var called = tv.Locator("[data-testid=board-called-PK01]");
        await Assertions.Expect(called).ToContainTextAsync("Nguyễn V. An", new() { Timeout = 10000 });
        Assert.Contains(number, await called.Locator(".board-number").InnerTextAsync());
        Assert.True(await tv.EvaluateAsync<bool>("window.__notReloaded === true"));
    }
}
