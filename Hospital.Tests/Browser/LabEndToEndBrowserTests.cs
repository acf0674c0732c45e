using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Integration.Simulators;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Lis.Analysers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Hospital.Tests.Lis.LabTestKit;

namespace Hospital.Tests.Browser;

/// <summary>
/// Issue 5's browser acceptance end to end, in Chromium against the running app with an analyser declared in
/// configuration: the simulated analyser sends over TCP, the value appears on the technician's open worklist
/// without reload, the technician validates it, the doctor's exam shows it; a result for an unknown tube waits
/// in the unmatched queue until the technician assigns it to the right tube and test.
/// </summary>
public sealed class LabEndToEndBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_simulated_analyser_result_is_validated_live_reaches_the_doctor_and_an_unmatched_one_is_assigned(DatabaseProvider provider)
    {
        var port = AnalyserRig.FreePort();
        await using var app = await HospitalAppFactory.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Lis:Analysers:0:Name"] = "BS1",
            ["Lis:Analysers:0:Section"] = "Sinh hóa",
            ["Lis:Analysers:0:Protocol"] = "hl7",
            ["Lis:Analysers:0:Transport"] = "tcp-server",
            ["Lis:Analysers:0:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Lis:Analysers:0:Direction"] = "bi",
            ["Lis:Analysers:0:CodeMap"] = "GLU=SH-GLU;CREA=SH-CREA",
        }, kestrel: true);
        var (visitId, tubes) = await ReceivedSpecimensAsync(app, Glucose, Creatinine);
        var serum = tubes[SpecimenType.Serum];
        await AnalyserRig.ListeningAsync(port);

        await using var labContext = await browser.Browser.NewContextAsync();
        var lab = await BrowserFixture.SignedInPageAsync(labContext, app, "labtech");
        await lab.GotoAsync(app.BaseUrl + "/lab/validation");
        await lab.WaitForSelectorAsync("[data-testid=validation-live][data-state=online]");

        // The analyser sends glucose for the tube; the open page shows it without a reload.
        await using (var analyser = Hl7AnalyserSimulator.ToHost("127.0.0.1", port, Hl7AnalyserProfile.MindrayChemistry, seed: 5))
        {
            var sent = await analyser.SendResultsAsync([serum], ["GLU"], Limit());
            Assert.All(sent, s => Assert.True(s.Accepted, s.ToString()));
        }
        var row = lab.Locator($"[data-testid=result-{serum}-SH-GLU]");
        await row.WaitForAsync(new() { Timeout = 20_000 });
        Assert.Equal("pending", await row.GetAttributeAsync("data-status"));
        var value = (await row.Locator("[data-testid=value]").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d+(\.\d+)?$", value);

        await row.Locator("[data-testid=validate]").ClickAsync();
        await lab.WaitForSelectorAsync("[data-testid=validation-message]");
        Assert.Equal(LabResultStatus.Validated, await StatusAsync(app, serum, "SH-GLU"));

        // A result for a tube the LIS does not know: held, then assigned by the technician to the creatinine test.
        const string strayBarcode = "2699999999";
        await using (var analyser = Hl7AnalyserSimulator.ToHost("127.0.0.1", port, Hl7AnalyserProfile.MindrayChemistry, seed: 6))
            Assert.All(await analyser.SendResultsAsync([strayBarcode], ["CREA"], Limit()), s => Assert.True(s.Accepted, s.ToString()));
        await lab.GotoAsync(app.BaseUrl + "/lab/unmatched");
        var stray = lab.Locator($"[data-testid=unmatched-row][data-barcode='{strayBarcode}']");
        Assert.Equal("unknown-specimen", await stray.GetAttributeAsync("data-reason"));
        await stray.Locator("[data-testid=unmatched-open]").ClickAsync();
        await lab.FillAsync("#assign-barcode", serum);
        await lab.WaitForSelectorAsync("#assign-test option[value=SH-CREA]", new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        await lab.SelectOptionAsync("#assign-test", "SH-CREA");
        await lab.ClickAsync("#assign-submit");
        await lab.WaitForURLAsync(url => url.EndsWith("/lab/unmatched"));
        Assert.Equal(0, await lab.Locator($"[data-testid=unmatched-row][data-barcode='{strayBarcode}']").CountAsync());
        Assert.Equal(LabResultStatus.Pending, await StatusAsync(app, serum, "SH-CREA"));

        // The doctor's exam of the visit shows the validated glucose value from the analyser.
        await using var clinicContext = await browser.Browser.NewContextAsync();
        var doctor = await BrowserFixture.SignedInPageAsync(clinicContext, app, "doctor");
        await doctor.GotoAsync($"{app.BaseUrl}/clinic/visits/{visitId}/exam");
        if (await doctor.Locator("[data-testid=start-exam]").CountAsync() > 0)
            await doctor.ClickAsync("[data-testid=start-exam]");
        var released = doctor.Locator("[data-testid=order-result-value]", new() { HasTextString = value });
        await released.First.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Contains("mmol/L", await released.First.InnerTextAsync());
    }

    private static CancellationToken Limit() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private static async Task<LabResultStatus> StatusAsync(HospitalAppFactory app, string barcode, string testCode)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<LabResult>().Where(r => r.TestCode == testCode && r.SupersededAt == null
                && db.Set<Specimen>().Any(s => s.Id == r.SpecimenId && s.Barcode == barcode))
            .Select(r => r.Status).SingleAsync();
    }
}
