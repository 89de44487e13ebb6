namespace Spotlight.GrainInterfaces.Titles;

/// <summary>A title as a studio (or admin) sends it; checked by the title grain.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.CreateTitleCommand")]
public sealed record CreateTitleCommand(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Kind,
    [property: Id(2)] string? StudioId,
    [property: Id(3)] IReadOnlyList<CastMember?>? Cast,
    [property: Id(4)] IReadOnlyList<SocialLink?>? Socials,
    [property: Id(5)] IReadOnlyList<WatchOptionPlan?>? WhereToWatch,
    [property: Id(6)] IReadOnlyList<string?>? Hashtags,
    [property: Id(7)] IReadOnlyList<string?>? Keywords,
    [property: Id(8)] IReadOnlyList<string?>? VisualTags,
    [property: Id(9)] long? MinFollowers,
    [property: Id(10)] long? MinViews,
    [property: Id(11)] string CreatedBy);
