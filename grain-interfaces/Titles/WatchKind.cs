namespace Spotlight.GrainInterfaces.Titles;

/// <summary>How a provider offers a title.</summary>
public enum WatchKind
{
    Stream,
    Rent,
    Buy,
    Tickets,
}
