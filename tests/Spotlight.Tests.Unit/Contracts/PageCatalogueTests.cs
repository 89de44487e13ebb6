using System.Text.Json;
using System.Text.RegularExpressions;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.Domain;
using Spotlight.Domain.Alerts;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Unit.Contracts;

/// <summary>
/// The pages' string catalogues (<c>client-api/wwwroot/i18n/{en,ja,ko}.json</c>): every language has every
/// string, with the same placeholders, and every key the pages ask for exists, including those a page
/// builds from an API value (a round's state, a problem's code), which are checked against the enums and
/// lists those values come from.
/// </summary>
public partial class PageCatalogueTests
{
    private static readonly string Wwwroot = Path.Combine(RepositoryLayout.Root, "client-api", "wwwroot");

    public static readonly TheoryData<string> Translations = new() { "ja", "ko" };

    [Theory]
    [MemberData(nameof(Translations))]
    public void ATranslation_HasEveryEnglishString_AndNoOther(string language)
    {
        var english = WithOnePluralForm(Catalogue("en"));
        var translated = Catalogue(language);

        Assert.Empty(english.Keys.Except(translated.Keys).Select(k => $"missing in {language}: {k}"));
        Assert.Empty(translated.Keys.Except(english.Keys).Select(k => $"not in English: {k}"));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void ATranslation_FillsInTheSamePlaceholders(string language)
    {
        var english = Catalogue("en");
        var translated = Catalogue(language);
        foreach (var (key, text) in translated)
        {
            var source = english.GetValueOrDefault(key) ?? english.GetValueOrDefault(key.Replace("_other", "_one", StringComparison.Ordinal))!;
            Assert.True(Placeholders(source).SetEquals(Placeholders(text)), $"{language} {key}: \"{text}\" fills in other placeholders than \"{source}\"");
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    [InlineData("ko")]
    public void NoStringIsEmpty(string language) =>
        Assert.Empty(Catalogue(language).Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key));

    [Fact]
    public void EveryKeyThePagesAskFor_IsInTheCatalogue()
    {
        var keys = Catalogue("en").Keys.Select(k => Regex.Replace(k, "_(one|other)$", "")).ToHashSet(StringComparer.Ordinal);
        var asked = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Wwwroot, "js"), "*.js", SearchOption.AllDirectories))
        {
            var source = File.ReadAllText(file);
            asked.AddRange(KeyLiteral().Matches(source).Select(m => m.Groups[1].Value));
            asked.AddRange(PageName().Matches(source).SelectMany(m => new[] { $"{m.Groups[1].Value}.heading", $"{m.Groups[1].Value}.title" }));
        }

        // Keys a page builds from a value the API sends: every value it can send.
        asked.AddRange(Enum.GetNames<RoundState>().Concat(SeasonBrowsing.PhaseNames).Select(s => $"states.{Camel(s)}"));
        asked.AddRange(Enum.GetNames<TrackStatus>().Select(s => $"trackStatus.{Camel(s)}"));
        asked.AddRange(Enum.GetNames<ReviewDecision>().Select(s => $"decisions.{Camel(s)}"));
        asked.AddRange(Enum.GetNames<TrackOutcome>().Select(s => $"outcomes.{Camel(s)}"));
        asked.AddRange(Enum.GetNames<WatchKind>().Select(s => $"titles.watchKind.{Camel(s)}"));
        asked.AddRange(Enum.GetNames<TitleKind>().Select(s => $"titles.kind.{Camel(s)}"));
        asked.AddRange(ProblemCodes.All.Concat(["unreachable", "unexpected"]).Select(c => $"errors.{c}"));
        asked.AddRange(Roles.All.Select(r => $"roles.{r}"));
        asked.AddRange(AlertRules.Kinds.Keys.SelectMany(k => new[] { $"alerts.kinds.{k}", $"alerts.what.{k}" }));

        var namespaces = keys.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(asked.Where(k => namespaces.Contains(k.Split('.')[0]) && !keys.Contains(k)).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>The catalogue flattened to dotted keys (plural forms keep their suffix).</summary>
    private static Dictionary<string, string> Catalogue(string language)
    {
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(JsonDocument.Parse(File.ReadAllText(Path.Combine(Wwwroot, "i18n", $"{language}.json"))).RootElement, "", flat);
        return flat;
    }

    private static void Flatten(JsonElement node, string prefix, Dictionary<string, string> into)
    {
        foreach (var property in node.EnumerateObject())
        {
            var key = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Flatten(property.Value, key + ".", into);
            }
            else
            {
                into[key] = property.Value.GetString()!;
            }
        }
    }

    /// <summary>English's keys as a language needs them: Japanese and Korean have one plural form ("other").</summary>
    private static Dictionary<string, string> WithOnePluralForm(Dictionary<string, string> english) =>
        english.Where(p => !p.Key.EndsWith("_one", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"\{\{\s*(\w+)")]
    private static partial Regex Placeholder();

    /// <summary>A quoted dotted key, as <c>t('home.featured')</c> and its conditional forms write it.</summary>
    [GeneratedRegex(@"'([a-z][A-Za-z]*\.[A-Za-z][A-Za-z.\-]*)'")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex(@"mountShell\('(\w+)'\)")]
    private static partial Regex PageName();
}
