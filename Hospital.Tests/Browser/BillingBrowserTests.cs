using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;
using Hospital.Domain.Visits;
using Hospital.Integration.Bhxh.Simulator;
using Hospital.Tests.Billing.Cashier;
using Hospital.Tests.Claims;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hospital.Tests.Browser;

/// <summary>
/// Issue 6 in Chromium, end to end: the cashier collects a BHYT visit's co-payment with a VietQR
/// code, confirms the transfer and opens the receipt; that settles the visit and builds its claim,
/// which is invalid because the lab technician has no practising certificate. The finance officer
/// finds it on the board, follows the error's fix link, enters the certificate, rebuilds, sends it,
/// and after the outbox has delivered it to the portal simulator the board shows it accepted.
/// </summary>
public sealed class BillingBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Cashier_collects_by_VietQR_and_finance_fixes_sends_and_sees_the_claim_accepted(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, kestrel: true);
        await CashierTestKit.BooksAsync(app);
        var episode = await ClaimTestKit.ConcludedVisitAsync(app);
        await ClaimTestKit.SetCertificateAsync(app, episode.LabTechId, null);
        string visitCode;
        await using (var db = app.Database.NewContext())
            visitCode = await db.Set<Visit>().Where(v => v.Id == episode.VisitId).Select(v => v.Code).SingleAsync();

        // The cashier: scan the ticket, show the QR for what is due, confirm the transfer, print the receipt.
        await using (var cashierContext = await browser.Browser.NewContextAsync())
        {
            var page = await BrowserFixture.SignedInPageAsync(cashierContext, app, "cashier");
            await page.GotoAsync($"{app.BaseUrl}/cashier?q={visitCode}");
            var due = (await page.InnerTextAsync("[data-testid=counter-due]")).Trim();
            Assert.NotEqual("0", due);
            await page.ClickAsync("[data-testid=counter-vietqr]");
            var qr = page.Locator("[data-testid=counter-qr]");
            await qr.WaitForAsync();
            Assert.Equal(1, await qr.Locator("svg").CountAsync());
            var payload = await page.InputValueAsync("[data-testid=counter-qr-payload]");
            Assert.StartsWith("000201010212", payload);
            Assert.Contains("A000000727", payload);
            Assert.Contains("5303704", payload);
            Assert.Contains("54" + due.Replace(".", "").Length.ToString("00") + due.Replace(".", ""), payload);
            Assert.Contains(await page.InnerTextAsync("[data-testid=counter-qr-reference]"), payload);

            await page.ClickAsync("[data-testid=counter-qr-confirm]");
            var receipt = page.Locator("[data-testid=receipt-link]");
            await receipt.WaitForAsync();
            Assert.Equal("0", (await page.InnerTextAsync("[data-testid=counter-due]")).Trim());
            var pdf = await cashierContext.APIRequest.GetAsync(app.BaseUrl + await receipt.GetAttributeAsync("href"));
            Assert.Equal(200, pdf.Status);
            Assert.Equal("application/pdf", pdf.Headers["content-type"]);
            Assert.Equal("%PDF"u8.ToArray(), (await pdf.BodyAsync())[..4]);
        }

        // The claim was built when the visit was settled, and it cannot go out yet.
        long invalidId;
        await using (var db = app.Database.NewContext())
        {
            var claim = await db.Set<Claim>().AsNoTracking().SingleAsync(c => c.VisitId == episode.VisitId);
            Assert.Equal(ClaimStatus.Invalid, claim.Status);
            invalidId = claim.Id;
        }

        // Finance: the board's invalid list → the claim → its fix link → the certificate → rebuild → send.
        await using (var financeContext = await browser.Browser.NewContextAsync())
        {
            var page = await BrowserFixture.SignedInPageAsync(financeContext, app, "insurance");
            await page.GotoAsync(app.BaseUrl + "/insurance/claims?status=invalid");
            await page.ClickAsync($"[data-testid=claim-link][href='/insurance/claims/{invalidId}']");
            await page.WaitForSelectorAsync("[data-testid=claim-errors]");
            Assert.Contains("chứng chỉ hành nghề", await page.InnerTextAsync("[data-testid=claim-errors]"));
            await page.ClickAsync("[data-testid=claim-fix]");
            // A boosted link: the address changes by pushState, so wait for the form rather than a load event.
            await page.WaitForSelectorAsync("[data-testid=practitioner-form]");
            Assert.EndsWith($"/insurance/staff/{episode.LabTechId}", page.Url);
            await page.FillAsync("[data-testid=practitioner-form] input[name=Certificate]", "008888/HNO-CCHN");
            await page.ClickAsync("[data-testid=practitioner-form] button[type=submit]");
            await page.WaitForSelectorAsync(".alert-success");

            await page.GotoAsync($"{app.BaseUrl}/insurance/claims/{invalidId}");
            await page.ClickAsync("[data-testid=claim-rebuild]");
            await page.ClickAsync("[data-confirm-ok]");
            await page.WaitForSelectorAsync("[data-testid=claim-send]");
            await page.ClickAsync("[data-testid=claim-send]");
            await page.WaitForSelectorAsync("[data-testid=claim-send]", new() { State = WaitForSelectorState.Detached });

            // The outbox delivers it with the visit's other portal messages (the test runs the dispatcher the hosted service would run).
            Assert.True(await ClaimBoardKit.RunOutboxAsync(app) >= 1);
            var received = Assert.Single(app.Services.GetRequiredService<BhxhPortalSimulator>().Claims);
            await page.GotoAsync(app.BaseUrl + "/insurance/claims?status=accepted");
            var row = page.Locator("[data-testid=claim-status]");
            Assert.Equal(1, await row.CountAsync());
            Assert.Equal("Cổng đã tiếp nhận", (await row.InnerTextAsync()).Trim());
            await page.ClickAsync("[data-testid=claim-link]");
            Assert.Equal(received.TransactionCode, (await page.InnerTextAsync("[data-testid=transaction-code]")).Trim());
            if (Environment.GetEnvironmentVariable("HOSPITAL_SCREENSHOTS") is { Length: > 0 } dir)
                await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"claim-accepted-{provider}.png"), FullPage = true });
        }
    }
}
