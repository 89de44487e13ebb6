using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Spotlight.ClientApi.Auth;
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
public class LanguageTests(SiteFixture site)
{
    private readonly JapaneseScenario _japanese = new(site.Factory);

    public static readonly TheoryData<string, string> Locales = new() { { "ja-JP", "ja" }, { "ko-KR", "ko" } };

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task TheMainPages_ShowNoEnglishString(string locale, string language)
    {
        var (seasonId, trackId) = await _japanese.SeasonAsync();
        string[] pages = ["/", "/season.html", $"/season.html?id={seasonId}", "/leaderboard.html", $"/leaderboard.html?season={seasonId}", "/title.html",
            $"/track.html?id={trackId}", "/artist.html", "/judge.html", "/shortlist.html"];
        foreach (var path in pages)
        {
            var page = await site.OpenAsync(path, locale: locale);
            await UntranslatedText.AssertViewAsync(page, path, language);
        }

        var queue = await site.OpenAsync("/review-tracks.html", "rv-7", [Roles.Reviewer], locale: locale);
        await UntranslatedText.AssertViewAsync(queue, "/review-tracks.html", language);
        var round = await site.OpenAsync($"/review-round.html?season={seasonId}", "rv-7", [Roles.Reviewer], locale: locale);
        await UntranslatedText.AssertViewAsync(round, "/review-round.html", language);
        var studio = await site.OpenAsync("/studio.html", "ad-7", [Roles.Admin], locale: locale);
        await UntranslatedText.AssertViewAsync(studio, "/studio.html", language);
    }

    [Fact]
    public async Task NumbersAndDates_AreTheLocales()
    {
        var (seasonId, _) = await _japanese.SeasonAsync();
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
}

[CollectionDefinition(Name)]
public sealed class LanguageSiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site-languages";
}
