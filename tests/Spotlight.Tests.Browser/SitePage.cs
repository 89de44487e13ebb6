using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Spotlight.Tests.Browser;

/// <summary>A page under test: what its scripts threw or logged as errors, an accessibility check, and
/// screenshots at desktop and phone size.</summary>
public sealed class SitePage
{
    private readonly List<string> _errors = [];
    private readonly List<string> _apiRequests = [];

    public SitePage(IPage page)
    {
        Page = page;
        // The API calls of the page now shown: a new document starts a new count.
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                lock (_apiRequests)
                {
                    _apiRequests.Clear();
                }
            }
        };
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
            {
                lock (_apiRequests)
                {
                    _apiRequests.Add($"{request.Method} {new Uri(request.Url).PathAndQuery}");
                }
            }
        };
        page.PageError += (_, error) => _errors.Add(error);
        page.Console += (_, message) =>
        {
            // A failed request the page handles (a 4xx it explains) is logged by the browser too; scripts' own errors are not.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _errors.Add(message.Text);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>What the page's scripts threw or logged as errors so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The API requests the page shown now has made since it was loaded, once the network is quiet (an
    /// open live stream counts as one).</summary>
    public async Task<IReadOnlyList<string>> ApiRequestsOfThisViewAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        lock (_apiRequests)
        {
            return [.. _apiRequests];
        }
    }

    /// <summary>A page view needs at most three API requests: the page asks for what it shows in few calls,
    /// joined on the server, never one per row.</summary>
    public async Task AssertFewApiRequestsAsync(string view)
    {
        var requests = await ApiRequestsOfThisViewAsync();
        Assert.True(requests.Count <= 3, $"{view} made {requests.Count} API requests: {string.Join(", ", requests)}");
    }

    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.True(response?.Ok, $"{path} answered {response?.Status}");
    }

    /// <summary>No script errors, and no serious or critical accessibility violations (axe-core, WCAG 2 A/AA rules).</summary>
    public async Task AssertHealthyAsync()
    {
        Assert.Empty(_errors);
        // axe.run in the page itself: the default run finishes in a new blank page each time (for cross-origin
        // frames, which these pages do not have), and that took most of a page's test time on a busy machine.
#pragma warning disable CS0618 // "legacy" only in that it cannot look into cross-origin frames.
        var axe = await Page.Locator("html").RunAxeLegacy(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21aa"] } });
#pragma warning restore CS0618
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    /// <summary>Full-page screenshots at desktop and phone size, named <c>{name}-desktop.png</c> and <c>{name}-phone.png</c>.</summary>
    public async Task ScreenshotsAsync(string name)
    {
        Directory.CreateDirectory(SiteFixture.ScreenshotFolder);
        foreach (var (size, viewport) in new[] { ("desktop", SiteFixture.Desktop), ("phone", SiteFixture.Phone) })
        {
            await Page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            var path = Path.Combine(SiteFixture.ScreenshotFolder, $"{name}-{size}.png");
            // Usable on a phone: nothing wider than the screen (wide tables scroll inside their own box).
            var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{name} is {overflow} px wider than a {viewport.Width} px screen");
            await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
            Assert.True(new FileInfo(path).Length > 0, $"{path} is empty");
        }

        await Page.SetViewportSizeAsync(SiteFixture.Desktop.Width, SiteFixture.Desktop.Height);
    }
}
