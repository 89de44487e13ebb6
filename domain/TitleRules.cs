using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Titles;

namespace Spotlight.Domain;

/// <summary>What a valid title is (SPEC "Titles, hubs…"), and its defaults: minFollowers 1,000, minViews 10,000.</summary>
public static class TitleRules
{
    public const int MaxNameLength = 200;
    public const int MaxCast = 100;
    public const int MaxSocials = 20;
    public const int MaxWatchOptions = 50;
    public const int MaxTerms = 30;
    public const int MaxTextLength = 200;
    public const int MaxUrlLength = 1000;
    public const long DefaultMinFollowers = 1_000;
    public const long DefaultMinViews = 10_000;

    public static TitleKind? ParseKind(string? kind) => kind switch
    {
        "movie" => TitleKind.Movie,
        "show" => TitleKind.Show,
        _ => null,
    };

    public static (TitleDetails? Title, IReadOnlyList<FieldError> Errors) Validate(string id, CreateTitleCommand command, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var name = Text(command.Name, "name", errors);
        var kind = ParseKind(command.Kind);
        if (kind is null)
        {
            errors.Add(new("kind", "Either \"movie\" or \"show\"."));
        }

        if (!ResourceIdRules.IsValid(command.StudioId))
        {
            errors.Add(new("studioId", $"A studio id of {ResourceIdRules.Description}."));
        }

        var cast = FieldChecks.Items(command.Cast, "cast", MaxCast, errors, (member, field) =>
            new CastMember(Text(member.Name, $"{field}.name", errors), Text(member.Role, $"{field}.role", errors)));
        var socials = FieldChecks.Items(command.Socials, "socials", MaxSocials, errors, (social, field) =>
            new SocialLink(Text(social.Platform, $"{field}.platform", errors), Url(social.Url, $"{field}.url", errors)));
        var watch = FieldChecks.Items(command.WhereToWatch, "whereToWatch", MaxWatchOptions, errors, (option, field) => WatchOptionOf(option, field, errors));
        var hashtags = Tags(command.Hashtags, "hashtags", errors);
        var visualTags = Tags(command.VisualTags, "visualTags", errors);
        var keywords = FieldChecks.Items(command.Keywords, "keywords", MaxTerms, errors, (keyword, field) =>
        {
            var normalized = TitleTerms.NormalizeKeyword(keyword);
            if (normalized.Length == 0 || keyword.Length > MaxTextLength)
            {
                errors.Add(new(field, $"A keyword of 1 to {MaxTextLength} characters with at least one letter or digit."));
            }

            return normalized;
        });
        var minFollowers = command.MinFollowers ?? DefaultMinFollowers;
        if (minFollowers < 0)
        {
            errors.Add(new("minFollowers", "Zero or more."));
        }

        var minViews = command.MinViews ?? DefaultMinViews;
        if (minViews < 0)
        {
            errors.Add(new("minViews", "Zero or more."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new TitleDetails(id, name, kind!.Value, command.StudioId!, cast, socials, watch,
            [.. hashtags.Distinct(StringComparer.Ordinal)], [.. keywords.Distinct(StringComparer.Ordinal)], [.. visualTags.Distinct(StringComparer.Ordinal)],
            minFollowers, minViews, now, command.CreatedBy), errors);
    }

    /// <summary>The where-to-watch options offered in a region (all of them when no region is asked).</summary>
    public static IReadOnlyList<WatchOption> WhereToWatchIn(TitleDetails title, string? region) =>
        region is null ? title.WhereToWatch : [.. title.WhereToWatch.Where(w => w.Regions.Contains(region))];

    private static WatchOption WatchOptionOf(WatchOptionPlan option, string field, List<FieldError> errors)
    {
        var provider = Text(option.Provider, $"{field}.provider", errors);
        var kind = option.Kind switch
        {
            "stream" => WatchKind.Stream,
            "rent" => WatchKind.Rent,
            "buy" => WatchKind.Buy,
            "tickets" => WatchKind.Tickets,
            _ => (WatchKind?)null,
        };
        if (kind is null)
        {
            errors.Add(new($"{field}.kind", "One of \"stream\", \"rent\", \"buy\", \"tickets\"."));
        }

        var regions = option.Regions ?? [];
        if (regions.Count == 0)
        {
            errors.Add(new($"{field}.regions", "At least one ISO 3166 alpha-2 region code."));
        }

        for (var i = 0; i < regions.Count; i++)
        {
            if (!IsoRegionCodes.IsAssigned(regions[i]))
            {
                errors.Add(new($"{field}.regions[{i}]", "An ISO 3166 alpha-2 region code in upper case, such as \"KR\"."));
            }
        }

        return new WatchOption(provider, kind ?? WatchKind.Stream, Url(option.Url, $"{field}.url", errors), [.. regions.OfType<string>().Distinct(StringComparer.Ordinal)]);
    }

    private static List<string> Tags(IReadOnlyList<string?>? tags, string field, List<FieldError> errors) =>
        FieldChecks.Items(tags, field, MaxTerms, errors, (tag, itemField) =>
        {
            var normalized = VideoRules.NormalizeTag(tag);
            if (normalized.Length == 0 || normalized.Length > VideoRules.MaxTagLength || normalized.Any(char.IsWhiteSpace))
            {
                errors.Add(new(itemField, $"A tag of 1 to {VideoRules.MaxTagLength} characters without spaces."));
            }

            return normalized;
        });

    private static string Text(string? value, string field, List<FieldError> errors) => FieldChecks.Text(value, field, MaxTextLength, errors);

    private static string Url(string? value, string field, List<FieldError> errors)
    {
        if (!HttpsUrl.IsValid(value, MaxUrlLength))
        {
            errors.Add(new(field, $"An absolute https URL of at most {MaxUrlLength} characters."));
        }

        return value ?? string.Empty;
    }
}
