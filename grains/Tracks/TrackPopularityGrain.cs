using Microsoft.Extensions.Logging;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Playlists;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Grains.Common;
using Spotlight.Grains.Domain;

namespace Spotlight.Grains.Tracks;

public sealed class TrackPopularityGrain : Grain, ITrackPopularityGrain
{
    /// <summary>How often a changed popularity is passed on to the region's playlist: the playlist grain
    /// hears from each active track at most this often, however hot the track is.</summary>
    private static readonly TimeSpan PlaylistPushInterval = TimeSpan.FromSeconds(1);

    private readonly IPersistentState<TrackPopularityState> state;
    private readonly FollowUp _roundPush;

    // Popularity points inside each followed round's window, kept as minutes are added rather than summed
    // over every bucket at each change.
    private readonly Dictionary<string, long> _roundPoints = new(StringComparer.Ordinal);
    private readonly HashSet<string> _roundsBehind = new(StringComparer.Ordinal);
    private MinuteBuckets _minutes = null!;
    private bool _playlistBehind;
    private string? _region;

    public TrackPopularityGrain(
        [PersistentState("track-popularity", StorageNames.Default)] IPersistentState<TrackPopularityState> state,
        ILogger<TrackPopularityGrain> logger)
    {
        this.state = state;
        _roundPush = new FollowUp(this, PushToRoundsAsync, logger);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _minutes = new MinuteBuckets(state.State.Minutes);
        foreach (var round in state.State.Rounds)
        {
            _roundPoints[round.RoundKey] = PointsIn(round);
        }

        this.RegisterGrainTimer(PushToPlaylistAsync, new GrainTimerCreationOptions(PlaylistPushInterval, PlaylistPushInterval));
        return Task.CompletedTask;
    }

    public async Task<SlicePosition?> ApplyEngagementAsync(SliceRange range, IReadOnlyList<MinuteCounts> minutes)
    {
        if (!AppliedPositions.TryAdvance(state.State.Applied, range, out var reply))
        {
            return reply;
        }

        foreach (var minute in minutes)
        {
            _minutes.Add(minute.Minute, minute.Counters, minute.Uses);
            foreach (var round in state.State.Rounds)
            {
                if (MinuteBuckets.StartsWithin(minute.Minute, round.OpensAt, round.ClosesAt))
                {
                    _roundPoints[round.RoundKey] += PopularityWeights.Default.Points(minute.Counters, minute.Uses);
                    _roundsBehind.Add(round.RoundKey);
                }
            }
        }

        await SaveAsync();
        _playlistBehind = true;
        if (_roundsBehind.Count > 0)
        {
            await _roundPush.RunAsync();
        }

        return null;
    }

    public async Task<long> FollowRoundAsync(RoundWindow window)
    {
        if (!state.State.Rounds.Any(r => r.RoundKey == window.RoundKey))
        {
            state.State.Rounds.Add(window);
            _roundPoints[window.RoundKey] = PointsIn(window);
            await state.WriteOrDropActivationAsync(this);
        }

        return _roundPoints[window.RoundKey];
    }

    public async Task UnfollowRoundAsync(string roundKey)
    {
        if (state.State.Rounds.RemoveAll(r => r.RoundKey == roundKey) > 0)
        {
            _roundPoints.Remove(roundKey);
            _roundsBehind.Remove(roundKey);
            await state.WriteOrDropActivationAsync(this);
        }
    }

    /// <summary>Tells each round whose window gained its new total. Totals only grow and rounds keep the
    /// highest they heard, so a push that is repeated or overtaken changes nothing.</summary>
    private async Task PushToRoundsAsync()
    {
        foreach (var roundKey in _roundsBehind.ToList())
        {
            if (_roundPoints.TryGetValue(roundKey, out var points))
            {
                await GrainFactory.GetGrain<IRoundGrain>(roundKey).UpdatePopularityAsync(this.GetPrimaryKeyString(), points);
            }

            _roundsBehind.Remove(roundKey);
        }
    }

    private long PointsIn(RoundWindow window)
    {
        var (counters, uses) = _minutes.Sum(window.OpensAt, window.ClosesAt);
        return PopularityWeights.Default.Points(counters, uses);
    }

    public Task<TrackPopularity> GetPopularityAsync(DateTimeOffset? from, DateTimeOffset? to)
    {
        var (counters, uses) = _minutes.Sum(from, to);
        return Task.FromResult(new TrackPopularity(counters, uses, PopularityWeights.Default.Points(counters, uses)));
    }

    /// <summary>Re-ranks the track in its region's featured playlist (cleared tracks only are listed there).</summary>
    private async Task PushToPlaylistAsync()
    {
        if (!_playlistBehind)
        {
            return;
        }

        if (_region is null)
        {
            var track = await GrainFactory.GetGrain<ITrackGrain>(this.GetPrimaryKeyString()).GetAsync();
            if (track?.Status != TrackStatus.Cleared)
            {
                return;
            }

            _region = track.Region;
        }

        var (counters, uses) = _minutes.Sum(null, null);
        await GrainFactory.GetGrain<IFeaturedPlaylistGrain>(_region).UpdatePopularityAsync(this.GetPrimaryKeyString(), PopularityWeights.Default.Points(counters, uses));
        _playlistBehind = false;
    }

    private async Task SaveAsync()
    {
        state.State.Minutes = [.. _minutes.Buckets];
        await state.WriteOrDropActivationAsync(this);
    }
}
