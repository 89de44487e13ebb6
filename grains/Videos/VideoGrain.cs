using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Creators;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Grains.Common;
using Spotlight.Domain;
using Spotlight.Grains.Engagement;
using Spotlight.Grains.Engagement.Directory;
using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Grains.Videos;

public sealed class VideoGrain : Grain, IVideoGrain
{
    private readonly IPersistentState<VideoState> _state;
    private readonly IEngagementStore _store;
    private readonly IVideoDirectory _directory;
    private readonly EngagementOptions _engagement;
    private readonly TimeProvider _clock;
    private readonly FollowUp _recordUse;
    private readonly FollowUp _queueLinks;
    private readonly FollowUp _reportLinks;
    private readonly FollowUp _syncDirectory;
    private readonly VideoLinks _links;

    public VideoGrain(
        [PersistentState("video", StorageNames.Default)] IPersistentState<VideoState> state,
        IEngagementStore store,
        IVideoDirectory directory,
        IOptions<EngagementOptions> engagement,
        TimeProvider clock,
        IGrainFactory grains,
        ILogger<VideoGrain> logger)
    {
        _state = state;
        _store = store;
        _directory = directory;
        _engagement = engagement.Value;
        _clock = clock;
        _recordUse = new FollowUp(this, RecordUseAsync, logger);
        _links = new VideoLinks(this, state, grains, clock, WithCountersAsync);
        _queueLinks = new FollowUp(this, _links.QueueEligibleAsync, logger);
        _reportLinks = new FollowUp(this, _links.ReportOwedAsync, logger);
        _syncDirectory = new FollowUp(this, SyncDirectoryLinkAsync, logger);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!_state.State.DirectorySynced)
        {
            await _syncDirectory.RunAsync();
        }

        if (!_state.State.UseRecorded)
        {
            await _recordUse.RunAsync();
        }

        if (_state.State.QueueOwed.Count > 0)
        {
            await _queueLinks.RunAsync();
        }

        await ReportOwedLinksAsync();
    }

    public async Task<CommandResult<VideoRegisterOutcome, VideoDetails>> RegisterAsync(RegisterVideoCommand command)
    {
        if (_state.State.Video is { } existing)
        {
            return new(VideoRegisterOutcome.AlreadyExists, existing, []);
        }

        var id = this.GetPrimaryKeyString();
        var errors = VideoRules.Validate(id, command);
        if (errors.Count > 0)
        {
            return new(VideoRegisterOutcome.Invalid, null, errors);
        }

        var normal = VideoRules.Normalize(command);
        var video = new VideoDetails(id, normal.CreatorId, normal.CreatorFollowers, normal.TrackId, normal.Hashtags, normal.Caption,
            normal.VisualTags, _clock.GetUtcNow(), EngagementCounters.Zero);
        // The track's season is fixed when it is submitted (a track id exists only from then), so the directory
        // can say once whether the video's minutes are ever needed by a round.
        var trackInSeason = video.TrackId is { } trackId && (await GrainFactory.GetGrain<ITrackGrain>(trackId).GetAsync())?.SeasonId is not null;
        // The directory first: engagement for the video is accepted from the moment it is there, and the
        // grain is its only writer, so a registration that failed below is overwritten by the next attempt.
        await _directory.RegisterAsync(
            new VideoEntry(id, video.TrackId, video.CreatorId, video.CreatorFollowers, video.Hashtags, video.Caption, video.VisualTags, AnchorLink: null, trackInSeason),
            CancellationToken.None);
        _state.State.Video = video;
        _state.State.UseRecorded = video.TrackId is null;
        await _state.WriteOrDropActivationAsync(this);

        if (!_state.State.UseRecorded)
        {
            await _recordUse.RunAsync();
        }

        // A title may ask for no views at all: the video can be eligible from the start.
        await _queueLinks.RunAsync();
        return new(VideoRegisterOutcome.Created, video, []);
    }

    public static string UseBatchId(string videoId) => "use:" + videoId;

    public async Task<VideoDetails?> GetAsync() => _state.State.Video is { } video ? await WithCountersAsync(video) : null;

    public async Task<VideoView?> GetViewAsync()
    {
        if (_state.State.Video is not { } registered)
        {
            return null;
        }

        var video = await WithCountersAsync(registered);
        // The creator's policy read interleaves, so asking cannot deadlock with the creator calling this video.
        var creatorPolicy = await GrainFactory.GetGrain<ICreatorGrain>(video.CreatorId).GetPolicyAsync();
        var violation = _state.State.Policy?.Violation == true || creatorPolicy?.Violation == true;
        var eligibility = await _links.EligibilityAsync(video, violation);
        return new VideoView(video, _state.State.Policy, creatorPolicy, _state.State.AnchorLink, eligibility);
    }

    public Task CheckEligibilityAsync()
    {
        if (_state.State.Video is null)
        {
            return Task.CompletedTask;
        }

        // The projector matched against a title index fresher than this grain's candidates may be.
        _links.ForgetCandidates();
        return _queueLinks.RunAsync();
    }

    public async Task<bool> SetPolicyAsync(PolicyDecision policy)
    {
        if (_state.State.Video is null)
        {
            return false;
        }

        _state.State.Policy = policy;
        if (policy.Violation)
        {
            // The link goes at once; lifting the violation does not bring it back (it needs a new approval).
            DropLink();
        }

        await _state.WriteOrDropActivationAsync(this);
        await ReportOwedLinksAsync();
        if (!policy.Violation)
        {
            // Eligibility blocked by the violation counts again.
            await _queueLinks.RunAsync();
        }

        return true;
    }

    public async Task<LinkOutcome> LinkAsync(string titleId)
    {
        if (_state.State.Video is null)
        {
            return LinkOutcome.VideoNotFound;
        }

        if (_state.State.Policy?.Violation == true)
        {
            return LinkOutcome.PolicyViolation;
        }

        if (_state.State.AnchorLink is { } existing)
        {
            return existing == titleId ? LinkOutcome.Linked : LinkOutcome.LinkedElsewhere;
        }

        _state.State.AnchorLink = titleId;
        _state.State.LinkReportsOwed.Add(titleId);
        _state.State.DirectorySynced = false;
        await _state.WriteOrDropActivationAsync(this);
        await _syncDirectory.RunAsync();
        await ReportOwedLinksAsync();
        return LinkOutcome.Linked;
    }

    public async Task UnlinkAsync()
    {
        if (_state.State.AnchorLink is null)
        {
            return;
        }

        DropLink();
        await _state.WriteOrDropActivationAsync(this);
        await _syncDirectory.RunAsync();
        await ReportOwedLinksAsync();
    }

    private void DropLink()
    {
        if (_state.State.AnchorLink is { } titleId)
        {
            _state.State.LinkReportsOwed.Add(titleId);
            _state.State.AnchorLink = null;
            _state.State.DirectorySynced = false;
        }
    }

    /// <summary>Puts the anchor link into the video directory and has the video's projector read it again,
    /// so "linked" analytics follow the link from the next delivery on.</summary>
    private async Task SyncDirectoryLinkAsync()
    {
        await _directory.SetAnchorLinkAsync(this.GetPrimaryKeyString(), _state.State.AnchorLink, CancellationToken.None);
        var partition = EngagementPartitions.Of(this.GetPrimaryKeyString(), _state.State.Video!.TrackId, _engagement.Partitions);
        await GrainFactory.GetGrain<IEngagementProjectorGrain>(EngagementPartitions.Key(partition)).ForgetRouteAsync(this.GetPrimaryKeyString());
        _state.State.DirectorySynced = true;
        await _state.WriteStateAsync();
    }

    /// <summary>The video with its counters as the engagement store holds them now.</summary>
    private async Task<VideoDetails> WithCountersAsync(VideoDetails video)
    {
        var counters = await _store.ReadVideoCountersAsync([video.Id], CancellationToken.None);
        return video with { Counters = counters.GetValueOrDefault(video.Id) ?? EngagementCounters.Zero };
    }

    private Task ReportOwedLinksAsync() => _state.State.LinkReportsOwed.Count == 0 ? Task.CompletedTask : _reportLinks.RunAsync();

    public Task<string?> GetAnchorLinkAsync() => Task.FromResult(_state.State.AnchorLink);

    /// <summary>The use travels on the engagement stream like any other event, under a batch id that
    /// clients cannot post (':' is not allowed in their ids), so it is counted exactly once.</summary>
    private async Task RecordUseAsync()
    {
        var video = _state.State.Video!;
        await GrainFactory.GetGrain<IEngagementIngestGrain>(0)
            .IngestAsync(IngestBatch.Of(UseBatchId(video.Id), [(video.Id, EngagementKind.Use, 1, video.RegisteredAt)]));
        _state.State.UseRecorded = true;
        await _state.WriteStateAsync();
    }
}
