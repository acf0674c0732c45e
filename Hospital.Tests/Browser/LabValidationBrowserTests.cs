using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Tests.Infrastructure;
using Microsoft.Playwright;
using static Hospital.Tests.Lis.LabTestKit;
using static Hospital.Tests.Lis.Validation.ValidationTestKit;

namespace Hospital.Tests.Browser;

/// <summary>A technician in Chromium: a value stored from the analyser appears on the open worklist without reload; a rerun needs a reason; validation empties the tube's row.</summary>
public sealed class LabValidationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_result_arrives_live_and_the_technician_validates_it(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, kestrel: true);
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose);
        var serum = tubes[SpecimenType.Serum];
        await using var context = await browser.Browser.NewContextAsync();
        var page = await BrowserFixture.SignedInPageAsync(context, app, "labtech");
        await page.GotoAsync(app.BaseUrl + "/lab/validation");
        await page.WaitForSelectorAsync("[data-testid=validation-empty]");
        await page.WaitForSelectorAsync("[data-testid=validation-live][data-state=online]");

        await SendAsync(app, "BS1", Value(serum, "GLU", "7.4"));
        var row = page.Locator($"[data-testid=result-{serum}-SH-GLU]");
        await row.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal("H", (await row.Locator("[data-testid=flag]").InnerTextAsync()).Trim());

        await row.Locator("[data-testid=rerun]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=validation-error]");
        Assert.Contains("Cần ghi lý do chạy lại", await page.InnerTextAsync("[data-testid=validation-error]"));

        if (Environment.GetEnvironmentVariable("HOSPITAL_SCREENSHOTS") is { Length: > 0 } dir)
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"lab-validation-{provider}.png"), FullPage = true });
        await page.Locator($"[data-testid=specimen-{serum}] [data-testid=validate-specimen]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=validation-message]");
        Assert.Contains("Đã duyệt và trả 1 kết quả", await page.InnerTextAsync("[data-testid=validation-message]"));
        Assert.Equal(0, await page.Locator($"[data-testid=specimen-{serum}]").CountAsync());
        Assert.Equal(LabResultStatus.Validated, (await CurrentAsync(app, serum, "SH-GLU")).Status);
    }
}
