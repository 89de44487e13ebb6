using Spotlight.GrainInterfaces.Seasons;
using Spotlight.GrainInterfaces.Tracks;

namespace Spotlight.ClientApi.Endpoints;

/// <summary>A track's history as the engagement store and its rounds keep it: popularity per UTC day (from the
/// track's own buckets, no scan of videos) and its standing in every round of its season. Shared by the track's
/// history and its artist's insights.</summary>
public static class TrackHistoryReader
{
    public static async Task<IReadOnlyList<TrackDayResponse>> DaysAsync(IGrainFactory grains, string trackId, DateOnly firstDay, int days)
    {
        var daily = await grains.GetGrain<ITrackPopularityGrain>(trackId).GetDailyAsync(firstDay, days);
        return [.. daily.Select((p, i) => new TrackDayResponse(firstDay.AddDays(i), p.Points, p.Counters.Views, p.Counters.Likes, p.Counters.Comments, p.Counters.Shares, p.Uses))];
    }

    /// <summary>The season the track names, if any.</summary>
    public static async Task<SeasonView?> SeasonOfAsync(IGrainFactory grains, TrackDetails track) =>
        track.SeasonId is { } seasonId ? await grains.GetGrain<ISeasonGrain>(seasonId).GetAsync() : null;

    /// <summary>The track's standing in each round of its <paramref name="season"/>: live while a round is open,
    /// frozen once it closed; rounds the track did not reach are left out.</summary>
    public static async Task<IReadOnlyList<TrackRoundResponse>> RoundsAsync(IGrainFactory grains, string trackId, SeasonView? season)
    {
        if (season is null)
        {
            return [];
        }

        var standings = await Task.WhenAll(season.Season.Rounds.Select(async r => (Round: r, Standing: await grains.GetGrain<IRoundGrain>(r.Key).GetStandingAsync(trackId))));
        return [.. standings.Where(s => s.Standing is not null).Select(s => new TrackRoundResponse(
            s.Round.Number, s.Round.Name, s.Standing!.State, s.Standing.Rank, s.Standing.Score, s.Standing.Outcome, s.Standing.Prize))];
    }
}
