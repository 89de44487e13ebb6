using Spotlight.GrainInterfaces;
using Microsoft.Extensions.Logging;
using Spotlight.GrainInterfaces.Creators;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Grains.Common;
using Spotlight.Domain;

namespace Spotlight.Grains.Creators;

public sealed class CreatorGrain : Grain, ICreatorGrain
{
    private const int ParallelCalls = 32;

    private readonly IPersistentState<CreatorState> _state;
    private readonly FollowUp _unlink;
    private readonly FollowUp _recheck;

    public CreatorGrain(
        [PersistentState("creator", StorageNames.Default)] IPersistentState<CreatorState> state,
        ILogger<CreatorGrain> logger)
    {
        _state = state;
        _unlink = new FollowUp(this, UnlinkVideosAsync, logger);
        _recheck = new FollowUp(this, RecheckBlockedVideosAsync, logger);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_state.State.UnlinkOwed)
        {
            await _unlink.RunAsync();
        }

        if (RecheckOwed)
        {
            await _recheck.RunAsync();
        }
    }

    private bool RecheckOwed => _state.State.Policy?.Violation != true && _state.State.BlockedVideos.Count > 0;

    public Task<PolicyDecision?> GetPolicyAsync() => Task.FromResult(_state.State.Policy);

    public async Task SetPolicyAsync(PolicyDecision policy)
    {
        _state.State.Policy = policy;
        _state.State.UnlinkOwed = policy.Violation && _state.State.LinkedVideos.Count > 0;
        await _state.WriteOrDropActivationAsync(this);
        if (_state.State.UnlinkOwed)
        {
            await _unlink.RunAsync();
        }

        if (RecheckOwed)
        {
            await _recheck.RunAsync();
        }
    }

    public async Task WatchBlockedVideoAsync(string videoId)
    {
        if (_state.State.BlockedVideos.Add(videoId))
        {
            await _state.WriteOrDropActivationAsync(this);
        }

        // Lifted before this arrived: the video asks again now.
        if (RecheckOwed)
        {
            await _recheck.RunAsync();
        }
    }

    public async Task<LinkOutcome> LinkVideoAsync(string videoId, string titleId)
    {
        if (_state.State.Policy?.Violation == true)
        {
            return LinkOutcome.PolicyViolation;
        }

        // Remembered before the video links, so a violation recorded after this reaches the video.
        if (_state.State.LinkedVideos.Add(videoId))
        {
            await _state.WriteOrDropActivationAsync(this);
        }

        return await GrainFactory.GetGrain<IVideoGrain>(videoId).LinkAsync(titleId);
    }

    private async Task UnlinkVideosAsync()
    {
        await GrainCalls.InBatchesAsync(_state.State.LinkedVideos, ParallelCalls, async videoId =>
        {
            await GrainFactory.GetGrain<IVideoGrain>(videoId).UnlinkAsync();
            return videoId;
        });
        _state.State.UnlinkOwed = false;
        await _state.WriteStateAsync();
    }

    private async Task RecheckBlockedVideosAsync()
    {
        await GrainCalls.InBatchesAsync(_state.State.BlockedVideos, ParallelCalls, async videoId =>
        {
            await GrainFactory.GetGrain<IVideoGrain>(videoId).CheckEligibilityAsync();
            return videoId;
        });
        _state.State.BlockedVideos.Clear();
        await _state.WriteStateAsync();
    }
}
