using Microsoft.Extensions.Logging;
using Spotlight.GrainInterfaces.Artists;
using Spotlight.GrainInterfaces.Playlists;
using Spotlight.GrainInterfaces.Reviews;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Grains.Common;
using Spotlight.Domain;
using Spotlight.GrainInterfaces;

namespace Spotlight.Grains.Tracks;

public sealed class TrackGrain : Grain, ITrackGrain
{
    private readonly IPersistentState<TrackState> _state;
    private readonly TimeProvider _clock;
    private readonly FollowUp _sync;

    public TrackGrain(
        [PersistentState("track", StorageNames.Default)] IPersistentState<TrackState> state,
        TimeProvider clock,
        ILogger<TrackGrain> logger)
    {
        _state = state;
        _clock = clock;
        _sync = new FollowUp(this, SyncOthersAsync, logger);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_state.State.Track is not null && (!_state.State.QueueSynced || NeedsPlaylist || NeedsSeasonEntry))
        {
            await _sync.RunAsync();
        }
    }

    public async Task<CommandResult<TrackSubmitOutcome, TrackDetails>> SubmitAsync(SubmitTrackCommand command)
    {
        if (_state.State.Track is { } existing)
        {
            return new(TrackSubmitOutcome.AlreadyExists, existing, []);
        }

        var errors = TrackRules.ValidateSubmission(command);
        if (errors.Count > 0)
        {
            return new(TrackSubmitOutcome.Invalid, null, errors);
        }

        var track = new TrackDetails(
            Id: this.GetPrimaryKeyString(),
            ArtistId: command.ArtistId,
            OwnerId: command.OwnerId,
            Region: command.Region,
            Title: command.Title.Trim(),
            AudioUrl: command.AudioUrl,
            DurationSeconds: command.DurationSeconds,
            SeasonId: command.SeasonId,
            Status: TrackStatus.Submitted,
            SubmittedAt: _clock.GetUtcNow(),
            Reviews: []);
        await CommitAsync(track, queueSynced: false, playlistSynced: false);
        await _sync.RunAsync();
        return new(TrackSubmitOutcome.Created, track, []);
    }

    public async Task<CommandResult<TrackReviewOutcome, TrackDetails>> ReviewAsync(ReviewDecision decision, string reviewerId, string? reason)
    {
        if (_state.State.Track is not { } track)
        {
            return new(TrackReviewOutcome.NotFound, null, []);
        }

        var errors = TrackRules.ValidateReview(decision, reason);
        if (errors.Count > 0)
        {
            return new(TrackReviewOutcome.Invalid, track, errors);
        }

        // Someone who is both artist and reviewer does not clear their own work.
        if (reviewerId == track.OwnerId)
        {
            return new(TrackReviewOutcome.OwnTrack, track, []);
        }

        // Reviews of one track are serialised by the grain, so of two concurrent reviewers exactly one
        // finds it still submitted.
        if (!TrackRules.CanReview(track.Status))
        {
            return new(TrackReviewOutcome.NotSubmitted, track, []);
        }

        var review = new TrackReview(decision, reviewerId, _clock.GetUtcNow(), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        var reviewed = track with { Status = TrackRules.StatusAfter(decision), Reviews = [.. track.Reviews, review] };
        await CommitAsync(reviewed, queueSynced: false, playlistSynced: false);
        await _sync.RunAsync();
        return new(TrackReviewOutcome.Reviewed, reviewed, []);
    }

    public Task<TrackDetails?> GetAsync() => Task.FromResult(_state.State.Track);

    public Task<SeasonEntryOutcome?> GetSeasonEntryAsync() => Task.FromResult(_state.State.SeasonEntry);

    private bool NeedsPlaylist => _state.State.Track?.Status == TrackStatus.Cleared && !_state.State.PlaylistSynced;

    private bool NeedsSeasonEntry => _state.State.Track is { Status: TrackStatus.Cleared, SeasonId: not null } && _state.State.SeasonEntry is null;

    private Task CommitAsync(TrackDetails track, bool queueSynced, bool playlistSynced)
    {
        (_state.State.Track, _state.State.QueueSynced, _state.State.PlaylistSynced) = (track, queueSynced, playlistSynced);
        return _state.WriteOrDropActivationAsync(this);
    }

    /// <summary>Brings the review queue and the featured playlist in line with this track's status.</summary>
    private async Task SyncOthersAsync()
    {
        var track = _state.State.Track!;
        var changed = false;
        if (!_state.State.QueueSynced)
        {
            var queue = GrainFactory.GetGrain<ITrackReviewQueueGrain>(ITrackReviewQueueGrain.Key);
            if (track.Status == TrackStatus.Submitted)
            {
                await queue.AddAsync(new PendingTrack(track.Id, track.ArtistId, track.Title, track.Region, track.SubmittedAt));
            }
            else
            {
                await queue.RemoveAsync(track.Id);
            }

            _state.State.QueueSynced = changed = true;
        }

        if (NeedsPlaylist)
        {
            var artist = await GrainFactory.GetGrain<IArtistGrain>(track.ArtistId).GetAsync();
            await GrainFactory.GetGrain<IFeaturedPlaylistGrain>(track.Region).AddAsync(new PlaylistEntry(
                track.Id, track.ArtistId, artist?.DisplayName ?? string.Empty, track.Title, track.ClearedAt!.Value, Popularity: 0, artist?.Verified ?? false, track.AudioUrl));
            _state.State.PlaylistSynced = changed = true;
        }

        if (NeedsSeasonEntry)
        {
            // Entering is idempotent, so a retry after a lost answer does no harm.
            var entry = new RoundEntry(track.Id, track.ArtistId, track.Title, track.SubmittedAt);
            _state.State.SeasonEntry = await GrainFactory.GetGrain<ISeasonGrain>(track.SeasonId!).EnterAsync(entry, track.Region);
            changed = true;
        }

        if (changed)
        {
            await _state.WriteStateAsync();
        }
    }
}
