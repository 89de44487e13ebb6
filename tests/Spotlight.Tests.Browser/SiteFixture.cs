using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Browser;

/// <summary>
/// A running system (API and co-hosted silo on a free loopback port) and Debian's Chromium driven by
/// Playwright. Playwright cannot download browsers here, so the tests use the installed one; without it
/// they fail saying what to install.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private IPlaywright? _playwright;

    public KestrelApiFactory Factory { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>SPOTLIGHT_SCREENSHOTS</c>, or <c>screenshots/</c> beside the tests.</summary>
    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("SPOTLIGHT_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {ChromiumPath}: install it with `apt-get install chromium` (.ci/run does this).");
        }

        var port = FreePorts.Next();
        Factory = new KestrelApiFactory(port);
        Factory.StartServer();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>Opens a page as a signed-in user (or anonymously), collecting the page's script errors.</summary>
    public async Task<SitePage> OpenAsync(string path, string? subject = null, string[]? roles = null, string? studioId = null, ViewportSize? viewport = null, string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Address.ToString(), ViewportSize = viewport ?? Desktop, Locale = locale });
        if (subject is not null)
        {
            var token = Factory.Services.GetRequiredService<TokenIssuer>().Issue(subject, roles ?? [], studioId, artistId: null);
            await context.AddInitScriptAsync($"localStorage.setItem('spotlight.token', {JsonSerializer.Serialize(token)});");
        }

        // Only this system is reachable: the providers' own sites a hub opens are answered here, empty.
        await context.RouteAsync(url => !url.StartsWith(Address.ToString(), StringComparison.Ordinal), route => route.FulfillAsync(new() { Status = 204 }));
        var page = new SitePage(await context.NewPageAsync());
        await page.GotoAsync(path);
        return page;
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
