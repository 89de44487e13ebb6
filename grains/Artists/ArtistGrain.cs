using Microsoft.Extensions.Logging;
using Spotlight.GrainInterfaces.Artists;
using Spotlight.GrainInterfaces.Playlists;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Grains.Common;
using Spotlight.Domain;
using Spotlight.GrainInterfaces;

namespace Spotlight.Grains.Artists;

public sealed class ArtistGrain : Grain, IArtistGrain
{
    private readonly IPersistentState<ArtistState> _state;
    private readonly TimeProvider _clock;
    private readonly FollowUp _badgeSync;

    public ArtistGrain(
        [PersistentState("artist", StorageNames.Default)] IPersistentState<ArtistState> state,
        TimeProvider clock,
        ILogger<ArtistGrain> logger)
    {
        _state = state;
        _clock = clock;
        _badgeSync = new FollowUp(this, SyncBadgeAsync, logger);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!_state.State.BadgeSynced)
        {
            await _badgeSync.RunAsync();
        }
    }

    public async Task<CommandResult<ArtistCreateOutcome, ArtistProfile>> CreateAsync(CreateArtistCommand command)
    {
        if (_state.State.Profile is { } existing)
        {
            return new(ArtistCreateOutcome.AlreadyExists, existing, []);
        }

        var errors = ArtistProfileRules.Validate(command);
        if (errors.Count > 0)
        {
            return new(ArtistCreateOutcome.Invalid, null, errors);
        }

        var profile = ArtistProfileRules.ToProfile(this.GetPrimaryKeyString(), command, _clock.GetUtcNow());
        await CommitAsync(profile, badgeSynced: true);
        return new(ArtistCreateOutcome.Created, profile, []);
    }

    public Task<ArtistProfile?> GetAsync() => Task.FromResult(_state.State.Profile);

    public async Task<ArtistProfile?> VerifyAsync(string reviewerId)
    {
        if (_state.State.Profile is not { } profile || profile.Verified)
        {
            return _state.State.Profile;
        }

        var verified = profile with { Verified = true, VerifiedAt = _clock.GetUtcNow(), VerifiedBy = reviewerId };
        await CommitAsync(verified, badgeSynced: false);
        await _badgeSync.RunAsync();
        return verified;
    }

    public async Task<bool> AwardAsync(ArtistAward award)
    {
        if (_state.State.Profile is not { } profile)
        {
            return false;
        }

        var awards = profile.Awards ?? [];
        if (!awards.Any(a => a.SeasonId == award.SeasonId && a.TrackId == award.TrackId))
        {
            await CommitAsync(profile with { Awards = [.. awards, award] }, _state.State.BadgeSynced);
        }

        return true;
    }

    public async Task<CommandResult<ArtistTrackSubmitOutcome, TrackDetails>> SubmitTrackAsync(string trackId, string callerId, TrackSubmission submission)
    {
        if (_state.State.Profile is not { } profile)
        {
            return new(ArtistTrackSubmitOutcome.ArtistNotFound, null, []);
        }

        if (profile.OwnerId != callerId)
        {
            return new(ArtistTrackSubmitOutcome.NotOwner, null, []);
        }

        var command = new SubmitTrackCommand(profile.Id, profile.OwnerId, profile.Region, submission.Title, submission.AudioUrl,
            submission.DurationSeconds, submission.OriginalWork, submission.SeasonId);
        var errors = TrackRules.ValidateSubmission(command);
        if (errors.Count > 0)
        {
            return new(ArtistTrackSubmitOutcome.Invalid, null, errors);
        }

        if (profile.TrackIds.Count >= TrackRules.MaxTracksPerArtist)
        {
            return new(ArtistTrackSubmitOutcome.TooManyTracks, null, []);
        }

        // The artist records the track first, so that a track can never exist outside its artist's list;
        // if creating the track then fails, the artist takes it off again.
        await CommitAsync(profile with { TrackIds = [.. profile.TrackIds, trackId] }, _state.State.BadgeSynced);
        try
        {
            var result = await GrainFactory.GetGrain<ITrackGrain>(trackId).SubmitAsync(command);
            // AlreadyExists for this very artist means an earlier attempt committed and its reply was lost.
            var ours = result.Outcome == TrackSubmitOutcome.Created
                || (result.Outcome == TrackSubmitOutcome.AlreadyExists && result.Value?.ArtistId == profile.Id);
            return ours
                ? new(ArtistTrackSubmitOutcome.Created, result.Value, [])
                : throw new InvalidOperationException($"Track {trackId} could not be created: {result.Outcome}.");
        }
        catch
        {
            // The call may have failed after the track committed (a lost reply): unless the track is known not
            // to exist, it stays listed (views skip a listed id that has no track).
            if (await TrackExistsForAsync(trackId, profile.Id) == false)
            {
                await CommitAsync(profile, _state.State.BadgeSynced);
            }

            throw;
        }
    }

    /// <summary>True or false when the track could be asked; null when asking failed too.</summary>
    private async Task<bool?> TrackExistsForAsync(string trackId, string artistId)
    {
        try
        {
            return (await GrainFactory.GetGrain<ITrackGrain>(trackId).GetAsync())?.ArtistId == artistId;
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            return null;
        }
    }

    private Task CommitAsync(ArtistProfile profile, bool badgeSynced)
    {
        (_state.State.Profile, _state.State.BadgeSynced) = (profile, badgeSynced);
        return _state.WriteOrDropActivationAsync(this);
    }

    private async Task SyncBadgeAsync()
    {
        var profile = _state.State.Profile!;
        await GrainFactory.GetGrain<IFeaturedPlaylistGrain>(profile.Region).MarkArtistVerifiedAsync(profile.Id);
        _state.State.BadgeSynced = true;
        await _state.WriteStateAsync();
    }
}
