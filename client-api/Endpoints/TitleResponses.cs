using System.ComponentModel.DataAnnotations;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.Domain;

namespace Spotlight.ClientApi.Endpoints;

public sealed record CreateTitleRequest(
    [property: Required] string? Id,
    [property: Required] string? Name,
    [property: Required, AllowedValues("movie", "show")] string? Kind,
    [property: Required] string? StudioId,
    IReadOnlyList<CastMember?>? Cast,
    IReadOnlyList<SocialLink?>? Socials,
    IReadOnlyList<WatchOptionPlan?>? WhereToWatch,
    IReadOnlyList<string?>? Hashtags,
    IReadOnlyList<string?>? Keywords,
    IReadOnlyList<string?>? VisualTags,
    long? MinFollowers,
    long? MinViews);

public sealed record HubClickRequest([property: Required] string? Target);

public sealed record HubClickResponse(string TitleId, string Target);

/// <summary>A page of the title list; <c>nextCursor</c> fetches the next page, null on the last.</summary>
public sealed record TitleListResponse(IReadOnlyList<TitleListItem> Titles, string? NextCursor);

public sealed record TitleListItem(string Id, string Name, TitleKind Kind, IReadOnlyList<string> Hashtags, IReadOnlyList<string> Cast, long Engagement, long Trending)
{
    public static TitleListItem From(TitleListing t) =>
        new(t.Id, t.Name, t.Kind, t.Hashtags, t.CastNames, t.Engagement, t.Trending);
}

public sealed record TitleResponse(
    string Id,
    string Name,
    TitleKind Kind,
    string StudioId,
    IReadOnlyList<CastMember> Cast,
    IReadOnlyList<SocialLink> Socials,
    IReadOnlyList<WatchOption> WhereToWatch,
    IReadOnlyList<string> Hashtags,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> VisualTags,
    long MinFollowers,
    long MinViews,
    DateTimeOffset CreatedAt)
{
    public static TitleResponse From(TitleDetails t) =>
        new(t.Id, t.Name, t.Kind, t.StudioId, t.Cast, t.Socials, t.WhereToWatch, t.Hashtags, t.Keywords, t.VisualTags, t.MinFollowers, t.MinViews, t.CreatedAt);
}

/// <summary>A title's landing page: where to watch in the asked region, and the fan videos linked to it
/// (most engaged first).</summary>
public sealed record HubResponse(
    string Id,
    string Name,
    TitleKind Kind,
    IReadOnlyList<CastMember> Cast,
    IReadOnlyList<SocialLink> Socials,
    string? Region,
    IReadOnlyList<WatchOption> WhereToWatch,
    IReadOnlyList<RelatedVideo> RelatedVideos)
{
    public static HubResponse From(TitleDetails t, string? region, IReadOnlyList<RelatedVideo> related) =>
        new(t.Id, t.Name, t.Kind, t.Cast, t.Socials, region, TitleRules.WhereToWatchIn(t, region), related);
}

/// <summary>A fan video linked to the title, with its engagement.</summary>
public sealed record RelatedVideo(string VideoId, string CreatorId, string Caption, EngagementCounters Counters);
