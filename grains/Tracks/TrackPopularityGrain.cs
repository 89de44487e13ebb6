using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Playlists;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Grains.Common;
using Spotlight.Grains.Domain;

namespace Spotlight.Grains.Tracks;

public sealed class TrackPopularityGrain(
    [PersistentState("track-popularity", StorageNames.Default)] IPersistentState<TrackPopularityState> state) : Grain, ITrackPopularityGrain
{
    /// <summary>How often a changed popularity is passed on to the region's playlist: the playlist grain
    /// hears from each active track at most this often, however hot the track is.</summary>
    private static readonly TimeSpan PlaylistPushInterval = TimeSpan.FromSeconds(1);

    private MinuteBuckets _minutes = null!;
    private bool _playlistBehind;
    private string? _region;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _minutes = new MinuteBuckets(state.State.Minutes);
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
        }

        await SaveAsync();
        _playlistBehind = true;
        return null;
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
