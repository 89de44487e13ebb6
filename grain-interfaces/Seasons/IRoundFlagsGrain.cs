using Orleans.Concurrency;

namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>A round's suspicious-engagement flags (key: the round's, see <see cref="RoundKeys"/>), computed when
/// asked from what the engagement commits keep per video and minute; any silo may answer.</summary>
[Alias("Spotlight.Seasons.IRoundFlagsGrain")]
public interface IRoundFlagsGrain : IGrainWithStringKey
{
    /// <summary>Null when the round is unknown (not scheduled).</summary>
    [Alias("GetAsync")]
    Task<RoundFlags?> GetAsync();
}
