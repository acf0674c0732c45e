using Microsoft.Playwright;

namespace Hospital.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser: DESIGN.md). The path
/// comes from HOSPITAL_CHROMIUM, default /usr/bin/chromium; a missing browser fails the test.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("HOSPITAL_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";
        if (!File.Exists(path))
            throw new InvalidOperationException($"Chromium not found at {path}: apt-get install chromium, or run ./test which installs it.");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>Fills the sign-in form on <paramref name="page"/> and submits it, as a person would.</summary>
    public static async Task SubmitSignInAsync(IPage page, string user, string password = Infrastructure.HospitalAppFactory.Password)
    {
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>Opens the sign-in page of <paramref name="app"/> in <paramref name="context"/> and signs in.</summary>
    public static async Task<IPage> SignedInPageAsync(IBrowserContext context, Infrastructure.HospitalAppFactory app, string user)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/account/login");
        await SubmitSignInAsync(page, user);
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}
