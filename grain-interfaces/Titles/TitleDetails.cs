namespace Spotlight.GrainInterfaces.Titles;

/// <summary>A title with its hub content and link rules. Hashtags and visual tags are normalised (lower
/// case, no '#'); keywords are normalised to their words separated by single spaces.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.TitleDetails")]
public sealed record TitleDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] TitleKind Kind,
    [property: Id(3)] string StudioId,
    [property: Id(4)] IReadOnlyList<CastMember> Cast,
    [property: Id(5)] IReadOnlyList<SocialLink> Socials,
    [property: Id(6)] IReadOnlyList<WatchOption> WhereToWatch,
    [property: Id(7)] IReadOnlyList<string> Hashtags,
    [property: Id(8)] IReadOnlyList<string> Keywords,
    [property: Id(9)] IReadOnlyList<string> VisualTags,
    [property: Id(10)] long MinFollowers,
    [property: Id(11)] long MinViews,
    [property: Id(12)] DateTimeOffset CreatedAt,
    [property: Id(13)] string CreatedBy);
