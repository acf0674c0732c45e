using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Emr.Exams;
using Hospital.Tests.Clinic;
using Hospital.Tests.Documents;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Prescriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Hospital.Tests.Browser;

/// <summary>
/// Issue 7 in Chromium, end to end: a doctor concludes a visit with a prescription signed by the
/// real conclusion (so it carries its national code and signing time); the pharmacist receives
/// the prescribed drug into the outpatient dispensary from a supplier invoice, sees the lot on
/// hand, finds the prescription in the dispensing queue, dispenses it, opens the dispensing slip
/// (a PDF naming the lot), and the on-hand view shows the lot decreased by what was handed out.
/// </summary>
public sealed class PharmacyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Dispensary = "KHO-NGT";
    private const string Paracetamol = "TH0001";

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Pharmacist_receives_stock_dispenses_a_concluded_prescription_prints_the_slip_and_sees_the_lot_decreased(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, kestrel: true);
        var (prescriptionId, nationalCode, prescribed) = await ConcludedPrescriptionAsync(app);
        int storeId;
        await using (var db = app.Database.NewContext())
        {
            storeId = await db.Set<Store>().Where(s => s.Code == Dispensary).Select(s => s.Id).SingleAsync();
            // Tests start without demo stock: whatever is on hand afterwards came through the form.
            Assert.False(await db.Set<StockBalance>().AnyAsync());
        }

        await using var context = await browser.Browser.NewContextAsync();
        var page = await BrowserFixture.SignedInPageAsync(context, app, "pharmacist");

        // A supplier invoice received into the dispensary: one line with the prescribed drug.
        const string lot = "PB-2611";
        const decimal received = 200;
        var expiry = VietnamCalendar.Today(TimeProvider.System).AddMonths(18);
        await page.GotoAsync(app.BaseUrl + "/pharmacy/receipts/new");
        var form = page.Locator("[data-testid=receipt-form]");
        await form.Locator("select[name=store]").SelectOptionAsync(storeId.ToString());
        await page.FillAsync("#supplier", "Công ty CP Dược phẩm Trung ương 1");
        await page.FillAsync("#invoice", "HD-0042");
        var line = page.Locator("[data-testid=receipt-line]").First;
        await line.Locator("input[name=drug]").FillAsync(Paracetamol);
        await line.Locator("input[name=lot]").FillAsync(lot);
        await line.Locator("input[name=expiry]").FillAsync(expiry.ToString("yyyy-MM-dd"));
        await line.Locator("input[name=quantity]").FillAsync(received.ToString());
        await line.Locator("input[name=cost]").FillAsync("450");
        await page.ClickAsync("[data-testid=receipt-save]");
        // The boosted form lands on the receipt by pushState: wait for the receipt, not for a URL.
        await page.WaitForSelectorAsync("[data-testid=receipt-view], [data-testid=receipt-errors]");
        Assert.Equal(0, await page.Locator("[data-testid=receipt-errors]").CountAsync());
        await Assertions.Expect(page.Locator("[data-testid=receipt-view]")).ToContainTextAsync(lot);

        Assert.Equal(received, await OnHandShownAsync(page, app, storeId, lot));

        // The dispensing queue of the dispensary lists the prescription; the pharmacist opens and dispenses it.
        await page.GotoAsync(app.BaseUrl + "/pharmacy/dispensing");
        var link = page.Locator($"[data-testid=dispensing-link][href^='/pharmacy/dispensing/{prescriptionId}?']");
        await Assertions.Expect(link).ToHaveTextAsync(nationalCode);
        await link.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=dispense-form]");
        await Assertions.Expect(page.Locator("[data-testid=prescription-code]")).ToHaveTextAsync(nationalCode);
        await Assertions.Expect(page.Locator("[data-testid=fefo]")).ToContainTextAsync(lot);
        await page.ClickAsync("[data-testid=dispense]");
        var slip = page.Locator("[data-testid=slip-link]");
        await slip.WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=dispensing-status]")).ToHaveTextAsync("Đã cấp đủ");
        await Assertions.Expect(page.Locator("[data-testid=dispensation]")).ToContainTextAsync(lot);

        // The slip as the pharmacist prints it: a PDF naming the prescription and the lot handed out.
        var response = await context.APIRequest.GetAsync(app.BaseUrl + await slip.GetAttributeAsync("href"));
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        var pdf = await response.BodyAsync();
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        var text = await DocumentTestKit.PopplerAsync("pdftotext", pdf);
        Assert.Contains(lot, text);
        Assert.Contains(nationalCode, text);

        // On hand: the lot went down by exactly what was prescribed and dispensed.
        Assert.Equal(received - prescribed, await OnHandShownAsync(page, app, storeId, lot));
        await using (var db = app.Database.NewContext())
        {
            Assert.Equal(DispensingStatus.Complete, await db.Set<Prescription>().Where(p => p.Id == prescriptionId).Select(p => p.DispensingStatus).SingleAsync());
            Assert.Empty(await StockLedgerCheck.DifferencesAsync(db));
        }
        if (Environment.GetEnvironmentVariable("HOSPITAL_SCREENSHOTS") is { Length: > 0 } dir)
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"pharmacy-stock-{provider}.png"), FullPage = true });
    }

    /// <summary>The on-hand view filtered to the store and lot, as the pharmacist reads it.</summary>
    private static async Task<decimal> OnHandShownAsync(IPage page, HospitalAppFactory app, int storeId, string lot)
    {
        await page.GotoAsync($"{app.BaseUrl}/pharmacy/stock?store={storeId}&q={lot}");
        var cell = page.Locator($"[data-testid=stock-lots] tr[data-lot='{lot}'] [data-testid=stock-on-hand]");
        await Assertions.Expect(cell).ToHaveCountAsync(1);
        return decimal.Parse((await cell.InnerTextAsync()).Trim().Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A visit with a paracetamol prescription, concluded and signed by the doctor through the real
    /// conclusion (which signs the prescription, codes it per TT 26 and stamps its signing time).
    /// </summary>
    private static async Task<(int Id, string NationalCode, decimal Quantity)> ConcludedPrescriptionAsync(HospitalAppFactory app)
    {
        var visit = await PrescriptionTestKit.VisitAsync(app);
        var added = await PrescriptionTestKit.AddAsync(app, visit, Paracetamol);
        Assert.True(added.Ok, string.Join("; ", added.Errors));
        var draft = await ClinicTestKit.StoredDraftAsync(app, visit.VisitId) with
        {
            Reason = "Sốt, đau họng",
            Vitals = new VitalsReading(Pulse: 88, TemperatureC: 38.1m, SystolicMmHg: 118, DiastolicMmHg: 76),
            Disposition = ExamDisposition.Home,
            OutcomeCode = 2,
        };
        var concluded = await ClinicTestKit.ConcludeAsync(app, visit.VisitId, draft);
        Assert.True(concluded.Ok, string.Join("; ", concluded.Errors.Select(e => e.Message)));
        var rx = Assert.Single(await PrescriptionTestKit.PrescriptionsAsync(app, visit));
        Assert.Equal(PrescriptionStatus.Signed, rx.Status);
        Assert.NotNull(rx.SignedAt);
        return (rx.Id, rx.NationalCode!, Assert.Single(rx.Lines).Quantity);
    }
}
