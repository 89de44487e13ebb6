using Microsoft.Extensions.Logging;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Grains.Common;
using Spotlight.Grains.Domain;
using Spotlight.GrainInterfaces;

namespace Spotlight.Grains.Videos;

public sealed class VideoGrain : Grain, IVideoGrain
{
    private readonly IPersistentState<VideoState> _state;
    private readonly TimeProvider _clock;
    private readonly FollowUp _recordUse;

    public VideoGrain(
        [PersistentState("video", StorageNames.Default)] IPersistentState<VideoState> state,
        TimeProvider clock,
        ILogger<VideoGrain> logger)
    {
        _state = state;
        _clock = clock;
        _recordUse = new FollowUp(this, RecordUseAsync, logger);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!_state.State.UseRecorded)
        {
            await _recordUse.RunAsync();
        }
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
        _state.State.Video = video;
        _state.State.UseRecorded = video.TrackId is null;
        await _state.WriteOrDropActivationAsync(this);

        if (!_state.State.UseRecorded)
        {
            await _recordUse.RunAsync();
        }

        return new(VideoRegisterOutcome.Created, video, []);
    }

    public static string UseBatchId(string videoId) => "use:" + videoId;

    public Task<VideoDetails?> GetAsync() => Task.FromResult(_state.State.Video);

    public async Task<SlicePosition?> ApplyEngagementAsync(SliceRange range, EngagementCounters counts)
    {
        // Ingestion only accepts events for registered videos, so a missing video means a bug upstream;
        // dropping is safer than inventing a video.
        if (_state.State.Video is not { } video)
        {
            return null;
        }

        if (!AppliedPositions.TryAdvance(_state.State.Applied, range, out var reply))
        {
            return reply;
        }

        _state.State.Video = video with { Counters = video.Counters.Add(counts) };
        // On failure the activation is dropped, so the redelivered range meets what storage holds.
        await _state.WriteOrDropActivationAsync(this);
        return null;
    }

    public async Task<bool> SetPolicyAsync(VideoPolicy policy)
    {
        if (_state.State.Video is null)
        {
            return false;
        }

        _state.State.Policy = policy;
        await _state.WriteOrDropActivationAsync(this);
        return true;
    }

    public Task<VideoPolicy?> GetPolicyAsync() => Task.FromResult(_state.State.Policy);

    /// <summary>The use travels on the engagement stream like any other event, under a batch id that
    /// clients cannot post (':' is not allowed in their ids), so it is counted exactly once.</summary>
    private async Task RecordUseAsync()
    {
        var video = _state.State.Video!;
        await GrainFactory.GetGrain<IEngagementIngestGrain>(0)
            .IngestAsync(UseBatchId(video.Id), [new EngagementRecord(video.Id, video.TrackId, EngagementKind.Use, 1, video.RegisteredAt)]);
        _state.State.UseRecorded = true;
        await _state.WriteStateAsync();
    }
}
