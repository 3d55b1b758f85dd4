using Microsoft.Playwright;

namespace ChatCrm.IntegrationTests.Browser;

/// <summary>
/// One headless Chromium for a test class: the distribution's own binary (Playwright must not
/// download one), driven through the node driver that ships inside the Microsoft.Playwright
/// package. Each test opens its own context, so storage (the remembered user) is not shared.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    /// <summary>Debian's package "chromium"; CHATCRM_CHROMIUM overrides it.</summary>
    public static readonly string ExecutablePath = Environment.GetEnvironmentVariable("CHATCRM_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"No Chromium at {ExecutablePath}: install Debian's package with `apt-get install -y chromium`.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = 20_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser profile with one tab, quick to give up when the page is wrong.</summary>
    public async Task<IPage> OpenPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1000, Height = 800 },
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    /// <summary>What a page reports as wrong from now on: uncaught exceptions, console errors, failed loads.</summary>
    public static List<string> ErrorsOf(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        return errors;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
