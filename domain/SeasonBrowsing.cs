using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Seasons;

namespace Spotlight.Domain;

/// <summary>Where a season is in its life, as the season list shows it.</summary>
public enum SeasonPhase
{
    /// <summary>Its first round has opened and its final round has not closed.</summary>
    Open,

    /// <summary>Its first round has not opened yet.</summary>
    Upcoming,

    /// <summary>Its final round closed (or its closing time has passed and the closing is under way).</summary>
    Closed,
}

/// <summary>
/// The season list (<c>GET /api/seasons</c>): which seasons a visitor sees for a phase and a region, and in
/// what order — what matters soonest first: open seasons by the end of their final round, upcoming ones by
/// their opening, closed ones most recently closed first.
/// </summary>
public static class SeasonBrowsing
{
    /// <summary>The phases' names, in the order of <see cref="SeasonPhase"/>.</summary>
    public static readonly IReadOnlyList<string> PhaseNames = ["open", "upcoming", "closed"];

    public static string NameOf(SeasonPhase phase) => PhaseNames[(int)phase];

    public static SeasonPhase PhaseOf(SeasonListing season, DateTimeOffset now) =>
        season.FinalClosed || now >= season.ClosesAt ? SeasonPhase.Closed
        : now < season.OpensAt ? SeasonPhase.Upcoming
        : SeasonPhase.Open;

    /// <summary>The query's phase and region, or the errors naming <c>state</c> or <c>region</c>.</summary>
    public static (SeasonPhase? Phase, IReadOnlyList<FieldError> Errors) ValidateQuery(string? state, string? region)
    {
        var errors = new List<FieldError>();
        SeasonPhase? phase = null;
        if (state is not null)
        {
            var index = PhaseNames.ToList().IndexOf(state);
            if (index < 0)
            {
                errors.Add(new("state", $"One of {string.Join(", ", PhaseNames)}."));
            }
            else
            {
                phase = (SeasonPhase)index;
            }
        }

        if (region is not null && !IsoRegionCodes.IsAssigned(region))
        {
            errors.Add(new("region", "An ISO 3166-1 alpha-2 region code in capitals, such as JP or KR."));
        }

        return (phase, errors);
    }

    public static IReadOnlyList<SeasonListing> Browse(IEnumerable<SeasonListing> seasons, SeasonPhase? phase, string? region, DateTimeOffset now) =>
        [.. seasons
            .Select(s => (Season: s, Phase: PhaseOf(s, now)))
            .Where(s => (phase is null || s.Phase == phase) && (region is null || s.Season.Regions.Contains(region, StringComparer.Ordinal)))
            .OrderBy(s => s.Phase)
            .ThenBy(s => s.Phase switch
            {
                SeasonPhase.Open => s.Season.ClosesAt.UtcTicks,
                SeasonPhase.Upcoming => s.Season.OpensAt.UtcTicks,
                _ => -s.Season.ClosesAt.UtcTicks,
            })
            .ThenBy(s => s.Season.Id, StringComparer.Ordinal)
            .Select(s => s.Season)];

    /// <summary>The season a visitor from <paramref name="region"/> is shown first: the open season of that region
    /// closing soonest, else any open season (a visitor from elsewhere still sees what is on), else none.</summary>
    public static SeasonListing? OnNow(IEnumerable<SeasonListing> seasons, string? region, DateTimeOffset now)
    {
        var open = Browse(seasons, SeasonPhase.Open, region: null, now);
        return open.FirstOrDefault(s => region is not null && s.Regions.Contains(region, StringComparer.Ordinal)) ?? open.FirstOrDefault();
    }
}
