namespace Spotlight.GrainInterfaces.Titles;

/// <summary>How a provider offers a title.</summary>
[GenerateSerializer, Alias("Spotlight.Titles.WatchKind")]
public enum WatchKind
{
    Stream,
    Rent,
    Buy,
    Tickets,
}
