using Spotlight.GrainInterfaces.Seasons;

namespace Spotlight.Grains.Seasons;

[GenerateSerializer, Alias("Spotlight.Seasons.SeasonState")]
public sealed class SeasonState
{
    /// <summary>Null until created.</summary>
    [Id(0)]
    public SeasonDefinition? Season { get; set; }

    [Id(1)]
    public List<string> Judges { get; set; } = [];

    /// <summary>Rounds whose results are frozen, as their round grains reported.</summary>
    [Id(2)]
    public SortedSet<int> ClosedRounds { get; set; } = [];

    [Id(3)]
    public List<string> WinnerTrackIds { get; set; } = [];

    /// <summary>Every round grain has its schedule and closing reminder.</summary>
    [Id(4)]
    public bool RoundsScheduled { get; set; }

    /// <summary>The season catalogue has this season as it is now (its final round's closing included).</summary>
    [Id(5)]
    public bool Listed { get; set; }
}
