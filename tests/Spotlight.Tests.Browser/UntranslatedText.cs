using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Spotlight.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Spotlight.Tests.Browser;

/// <summary>
/// Whether a page in Japanese or Korean still shows English: every fragment of the English catalogue (the text
/// between placeholders) that the translation does not keep as it is, searched for in the page's text, title,
/// labels, placeholders and tooltips. The product's own data is not the catalogue's, so it may stay as entered.
/// </summary>
public static partial class UntranslatedText
{
    /// <summary>The page speaks <paramref name="language"/> (<c>&lt;html lang&gt;</c>) and, unless it is English,
    /// shows none of the English catalogue's fragments. <paramref name="settled"/>: the caller has waited for what
    /// the page shows, so the network need not go quiet first (it never does while a page reads a live stream
    /// with fetch, as the studio's trend alerts do; an EventSource does not count).</summary>
    public static async Task AssertLocalizedAsync(SitePage page, string view, string language, bool settled = false)
    {
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", language);
        if (language == "en")
        {
            return;
        }

        if (!settled)
        {
            // Wait for the page to settle: its status line says something, or the content is drawn.
            await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        // A quiet network does not mean the page has drawn what it fetched (a starved machine runs the script
        // late), and a page shows its static English heading until then: look again until it is localized.
        var fragments = EnglishFragments(language);
        List<string> left = [];
        try
        {
            await Eventually.UntilAsync(async () =>
            {
                var text = await page.Page.EvaluateAsync<string>("""
                    () => document.body.innerText + '\n' + document.title + '\n' +
                      [...document.querySelectorAll('[aria-label],[placeholder],[title]')]
                        .map(e => [e.getAttribute('aria-label'), e.getAttribute('placeholder'), e.getAttribute('title')].filter(Boolean).join('\n')).join('\n')
                    """);
                left = [.. fragments.Where(fragment => text.Contains(fragment, StringComparison.Ordinal))];
                return left.Count == 0;
            }, Drawn, $"{view} in {language}");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{view} in {language} still shows English after {Drawn.TotalSeconds:0} s: {string.Join(" | ", left.Select(f => $"\"{f}\""))}");
        }
    }

    /// <summary>How long a page may take to draw what it fetched on a busy machine.</summary>
    private static readonly TimeSpan Drawn = TimeSpan.FromSeconds(15);

    /// <summary>A view as a person in that language sees it: in the language, within three API requests, with no
    /// script error or accessibility violation.</summary>
    public static async Task AssertViewAsync(SitePage page, string view, string language)
    {
        await AssertLocalizedAsync(page, view, language);
        await page.AssertFewApiRequestsAsync(view);
        await page.AssertHealthyAsync();
    }

    /// <summary>The English catalogue's text between placeholders, leaving out what the translation keeps as
    /// it is (the product's name) and fragments too short to be words.</summary>
    private static List<string> EnglishFragments(string language)
    {
        var translated = Strings(language).ToHashSet(StringComparer.Ordinal);
        return [.. Strings("en")
            .SelectMany(s => Placeholder().Split(s))
            .Select(f => f.Trim(' ', '·', ':', '(', ')', '.', ',', '—', ';'))
            .Where(f => Letters().Count(f) >= 4 && !translated.Any(t => t.Contains(f, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Strings(string language)
    {
        var path = Path.Combine(RepositoryLayout.Root, "client-api", "wwwroot", "i18n", $"{language}.json");
        return Leaves(JsonDocument.Parse(File.ReadAllText(path)).RootElement);

        static IEnumerable<string> Leaves(JsonElement node) => node.ValueKind == JsonValueKind.Object
            ? node.EnumerateObject().SelectMany(p => Leaves(p.Value))
            : [node.GetString()!];
    }

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Letters();
}
