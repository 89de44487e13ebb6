namespace Spotlight.GrainInterfaces.Titles;

/// <summary>Where to watch: a provider, how it offers the title, and in which regions.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.WatchOption")]
public sealed record WatchOption(
    [property: Id(0)] string Provider,
    [property: Id(1)] WatchKind Kind,
    [property: Id(2)] string Url,
    [property: Id(3)] IReadOnlyList<string> Regions);
