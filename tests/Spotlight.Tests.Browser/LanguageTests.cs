using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Api;
using Spotlight.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Spotlight.Tests.Browser;

/// <summary>
/// The pages in Japanese and Korean, chosen from the browser's language: no English string of the pages is
/// left on the main pages (the product's own data, here written in Japanese, stays as entered), numbers and
/// dates are the locale's, and <c>&lt;html lang&gt;</c> says the language. A visitor's own choice is remembered.
/// A site of its own, so that no other test's English-named data is on the pages.
/// </summary>
[Collection(LanguageSiteCollection.Name)]
public partial class LanguageTests(SiteFixture site)
{
    private readonly SeasonScenario _seasons = new(site.Factory);

    public static readonly TheoryData<string, string> Locales = new() { { "ja-JP", "ja" }, { "ko-KR", "ko" } };

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task TheMainPages_ShowNoEnglishString(string locale, string language)
    {
        var (seasonId, trackId) = await JapaneseSeasonAsync();
        var english = EnglishFragments(language);
        string[] pages = ["/", "/season.html", $"/season.html?id={seasonId}", "/leaderboard.html", $"/leaderboard.html?season={seasonId}", "/title.html",
            $"/track.html?id={trackId}", "/artist.html", "/judge.html", "/shortlist.html"];
        foreach (var path in pages)
        {
            var page = await site.OpenAsync(path, locale: locale);
            await AssertLocalizedAsync(page, path, language, english);
        }

        var queue = await site.OpenAsync("/review-tracks.html", "rv-7", [Roles.Reviewer], locale: locale);
        await AssertLocalizedAsync(queue, "/review-tracks.html", language, english);
        var studio = await site.OpenAsync("/studio.html", "ad-7", [Roles.Admin], locale: locale);
        await AssertLocalizedAsync(studio, "/studio.html", language, english);
    }

    [Fact]
    public async Task NumbersAndDates_AreTheLocales()
    {
        var (seasonId, _) = await JapaneseSeasonAsync();
        var page = await site.OpenAsync($"/season.html?id={seasonId}", locale: "ko-KR");
        // Korean dates read "2026. 12. 4. ..." with the year first.
        await Expect(page.Page.GetByRole(AriaRole.Table).First).ToContainTextAsync(new Regex(@"\d{4}\. \d{1,2}\. \d{1,2}\."));
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task TheSwitcher_ChangesTheLanguage_AndRemembersIt()
    {
        var page = await site.OpenAsync("/title.html", locale: "en-GB");
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.Page.GetByRole(AriaRole.Combobox, new() { Name = "Language" }).SelectOptionAsync("ko");
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("작품");

        await page.Page.GotoAsync("/season.html");
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
        await Expect(page.Page.GetByRole(AriaRole.Combobox, new() { Name = "언어" })).ToHaveValueAsync("ko");
        await page.AssertHealthyAsync();
    }

    private static async Task AssertLocalizedAsync(SitePage page, string path, string language, IReadOnlyList<string> english)
    {
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", language);
        // Wait for the page to settle: its status line says something, or the content is drawn.
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var text = await page.Page.EvaluateAsync<string>("""
            () => document.body.innerText + '\n' + document.title + '\n' +
              [...document.querySelectorAll('[aria-label],[placeholder],[title]')]
                .map(e => [e.getAttribute('aria-label'), e.getAttribute('placeholder'), e.getAttribute('title')].filter(Boolean).join('\n')).join('\n')
            """);
        var left = english.Where(fragment => text.Contains(fragment, StringComparison.Ordinal)).ToList();
        Assert.True(left.Count == 0, $"{path} in {language} still shows English: {string.Join(" | ", left.Select(f => $"\"{f}\""))}");
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

    /// <summary>A season, round, artist and track named in Japanese, so the page's data holds no English word.</summary>
    private async Task<(string SeasonId, string TrackId)> JapaneseSeasonAsync()
    {
        var seasonId = SeasonScenario.NewId();
        var now = SeasonScenario.ThisMinute;
        await _seasons.CreateAsync(new
        {
            id = seasonId,
            name = "春のスポットライト " + seasonId[^4..],
            regions = new[] { "JP", "KR" },
            partners = Array.Empty<string>(),
            rounds = new object[]
            {
                new { name = "予選", opensAt = now.AddMinutes(-10), closesAt = now.AddMinutes(60), advance = 6 },
                new { name = "決勝", opensAt = now.AddMinutes(120), closesAt = now.AddMinutes(180) },
            },
            winners = 5,
            prizes = Array.Empty<object>(),
        });
        var (trackId, _) = await _seasons.EnteredTrackAsync(seasonId, "夜の海", artistName: "ハナ・モリ");
        return (seasonId, trackId);
    }

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Letters();
}

[CollectionDefinition(Name)]
public sealed class LanguageSiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site-languages";
}
