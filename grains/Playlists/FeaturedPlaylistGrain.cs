using Microsoft.Extensions.Logging;
using Spotlight.GrainInterfaces.Artists;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Playlists;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Domain;
using Spotlight.Grains.Engagement.Projection;
using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Grains.Playlists;

/// <summary>
/// A region's featured playlist. Which tracks it lists is recorded durably by following them in the
/// engagement store (over all time), which also gives their popularity on activation and tells the
/// playlist of every delivery that adds to it. The entries' details and the badges are this grain's state,
/// written at most every few seconds: a region may list many thousands of tracks, and writing them all for
/// every clearance made clearing a track cost more the more tracks there were. A track followed but missing
/// from the state (a crash before the write) gets its details again from its track and artist.
/// </summary>
public sealed class FeaturedPlaylistGrain(
    [PersistentState("featured-playlist", StorageNames.Default)] IPersistentState<FeaturedPlaylistState> state,
    IEngagementStore store,
    ILogger<FeaturedPlaylistGrain> logger) : Grain, IFeaturedPlaylistGrain
{
    private static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(2);

    private readonly FollowedTrackPoints _told = new();
    private PlaylistRanking _ranking = null!;
    private bool _dirty;

    private string Follower => FollowerKeys.Playlist(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ranking = new PlaylistRanking(state.State.Entries, state.State.VerifiedArtists);
        await LoadPopularityAsync(cancellationToken);
        this.RegisterGrainTimer(WriteIfChangedAsync, new GrainTimerCreationOptions(WriteInterval, WriteInterval));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => WriteIfChangedAsync();

    /// <summary>Returns once the track is followed (durable); its details are written shortly after.</summary>
    public async Task AddAsync(PlaylistEntry entry)
    {
        var snapshot = await store.FollowAsync(Follower, FollowerWindow.AllTime, [entry.TrackId], CancellationToken.None);
        _told.StartAt(snapshot.Positions);
        _dirty |= _ranking.Add(entry with { Popularity = snapshot.Points.GetValueOrDefault(entry.TrackId) });
    }

    public async Task ApplyTrackPointsAsync(TrackPointsNotice notice)
    {
        if (_told.Receive(notice))
        {
            await LoadPopularityAsync(CancellationToken.None);
        }
    }

    public async Task MarkArtistVerifiedAsync(string artistId)
    {
        if (_ranking.MarkArtistVerified(artistId))
        {
            _dirty = true;
            await WriteIfChangedAsync();
        }
    }

    public Task<IReadOnlyList<PlaylistEntry>> GetTopAsync(int limit)
    {
        _told.Drain((trackId, points) => _ranking.AddPopularity(trackId, points));
        return Task.FromResult(_ranking.Top(limit));
    }

    private async Task LoadPopularityAsync(CancellationToken cancellationToken)
    {
        var tracks = _ranking.Entries.Select(e => e.TrackId).ToList();
        var snapshot = await store.LoadFollowerAsync(Follower, cancellationToken);
        if (snapshot is null || tracks.Any(t => !snapshot.Points.ContainsKey(t)))
        {
            snapshot = await store.FollowAsync(Follower, FollowerWindow.AllTime, tracks, cancellationToken);
        }

        var listed = tracks.ToHashSet(StringComparer.Ordinal);
        await RestoreMissingAsync([.. snapshot.Points.Keys.Where(t => !listed.Contains(t))]);
        foreach (var (trackId, points) in snapshot.Points)
        {
            _ranking.UpdatePopularity(trackId, points);
        }

        _told.ResetTo(snapshot.Positions);
    }

    /// <summary>Tracks the playlist follows but whose details were not written before a crash.</summary>
    private async Task RestoreMissingAsync(IReadOnlyList<string> trackIds)
    {
        foreach (var trackId in trackIds)
        {
            if (await GrainFactory.GetGrain<ITrackGrain>(trackId).GetAsync() is { ClearedAt: { } clearedAt } track)
            {
                var artist = await GrainFactory.GetGrain<IArtistGrain>(track.ArtistId).GetAsync();
                _dirty |= _ranking.Add(new PlaylistEntry(track.Id, track.ArtistId, artist?.DisplayName ?? string.Empty, track.Title, clearedAt, 0, artist?.Verified ?? false, track.AudioUrl));
            }
        }

        if (trackIds.Count > 0)
        {
            logger.LogInformation("Playlist {Region}: restored the details of {Count} tracks it follows", this.GetPrimaryKeyString(), trackIds.Count);
        }
    }

    private async Task WriteIfChangedAsync()
    {
        if (!_dirty)
        {
            return;
        }

        state.State.Entries = [.. _ranking.Entries];
        state.State.VerifiedArtists = [.. _ranking.VerifiedArtists];
        _dirty = false;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            _dirty = true;
            throw;
        }
    }
}
