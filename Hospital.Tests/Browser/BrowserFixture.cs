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

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}
