using Spotlight.GrainInterfaces.Playlists;
using Spotlight.Grains.Domain;

namespace Spotlight.Grains.Playlists;

public sealed class FeaturedPlaylistGrain(
    [PersistentState("featured-playlist", StorageNames.Default)] IPersistentState<FeaturedPlaylistState> state) : Grain, IFeaturedPlaylistGrain
{
    /// <summary>Popularity changes arrive often and can be recomputed, so they are written at most this often.</summary>
    private static readonly TimeSpan PopularityFlushInterval = TimeSpan.FromSeconds(2);

    private PlaylistRanking _ranking = null!;

    /// <summary>The ranking holds changes storage has not taken yet (popularity, or a failed write).</summary>
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ranking = new PlaylistRanking(state.State.Entries, state.State.VerifiedArtists);
        this.RegisterGrainTimer(FlushPopularityAsync, new GrainTimerCreationOptions(PopularityFlushInterval, PopularityFlushInterval));
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        await FlushPopularityAsync();

    /// <summary>Returns once the entry is stored: callers retry on failure, and a retry finds the entry
    /// already ranked but still <see cref="_dirty"/>, so it writes again.</summary>
    public async Task AddAsync(PlaylistEntry entry)
    {
        if (_ranking.Add(entry) || _dirty)
        {
            await SaveAsync();
        }
    }

    public Task UpdatePopularityAsync(string trackId, long popularity)
    {
        _dirty |= _ranking.UpdatePopularity(trackId, popularity);
        return Task.CompletedTask;
    }

    public async Task MarkArtistVerifiedAsync(string artistId)
    {
        if (_ranking.MarkArtistVerified(artistId) || _dirty)
        {
            await SaveAsync();
        }
    }

    public Task<IReadOnlyList<PlaylistEntry>> GetTopAsync(int limit) => Task.FromResult(_ranking.Top(limit));

    private async Task FlushPopularityAsync()
    {
        if (_dirty)
        {
            await SaveAsync();
        }
    }

    private async Task SaveAsync()
    {
        _dirty = true;
        state.State.Entries = [.. _ranking.Entries];
        state.State.VerifiedArtists = [.. _ranking.VerifiedArtists];
        await state.WriteStateAsync();
        _dirty = false;
    }
}
