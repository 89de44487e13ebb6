using Spotlight.GrainInterfaces.Creators;
using Spotlight.GrainInterfaces.Reviews;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Grains.Common;
using Spotlight.Domain;
using Spotlight.Grains.Titles;

namespace Spotlight.Grains.Videos;

/// <summary>
/// A video's duties toward the titles it may link to: finding the titles it has become eligible for and
/// queueing each for review once, and reporting a link's changes to the title. The video grain owns the
/// state and runs these as follow-ups, one change at a time; counting engagement is not part of this.
/// </summary>
internal sealed class VideoLinks(
    IGrainBase grain,
    IPersistentState<VideoState> state,
    IGrainFactory grains,
    TimeProvider clock,
    Func<VideoDetails, Task<VideoDetails>> withCounters)
{
    /// <summary>How long a video trusts its list of matching titles before asking the term index again
    /// (titles created meanwhile are found within this).</summary>
    private static readonly TimeSpan CandidatesLifetime = TimeSpan.FromMinutes(5);

    private IReadOnlyList<TitleDetails>? _candidates;
    private DateTimeOffset _candidatesLoadedAt;

    /// <summary>Makes the next check ask the term index again (a projector matched against a fresher one).</summary>
    public void ForgetCandidates() => _candidates = null;

    /// <summary>
    /// Finds the titles the video has just become eligible for and queues each for review once: the video
    /// grain handles one change at a time and records the title in <see cref="VideoState.Queued"/> before
    /// it tells the queue, so bursts and redeliveries cannot queue a pair twice.
    /// </summary>
    public async Task QueueEligibleAsync()
    {
        var current = state.State;
        if (current.Video is { } registered && current.Policy?.Violation != true)
        {
            var video = await withCounters(registered);
            var candidates = await CandidatesAsync(video);
            var newly = candidates.Where(t => !current.Queued.Contains(t.Id) && LinkEligibility.Evaluate(video, t, policyViolation: false).Eligible).ToList();
            // The creator's standing is asked only when something would be queued (its read interleaves, so
            // asking cannot deadlock with the creator unlinking this video). Blocked by it, the video asks to be
            // told when it is lifted (one-way, for the same reason): no engagement may come to ask again.
            var creator = grains.GetGrain<ICreatorGrain>(video.CreatorId);
            if (newly.Count > 0 && (await creator.GetPolicyAsync())?.Violation == true)
            {
                await creator.WatchBlockedVideoAsync(video.Id);
            }
            else if (newly.Count > 0)
            {
                foreach (var title in newly)
                {
                    current.Queued.Add(title.Id);
                    current.QueueOwed.Add(title.Id);
                }

                await state.WriteOrDropActivationAsync(grain);
            }
        }

        if (current.QueueOwed.Count == 0)
        {
            return;
        }

        foreach (var titleId in current.QueueOwed.ToList())
        {
            await grains.GetGrain<ILinkReviewQueueGrain>(titleId)
                .AddAsync(new LinkReview(current.Video!.Id, titleId, current.Video.CreatorId, clock.GetUtcNow(), LinkReviewStatus.Pending));
        }

        current.QueueOwed.Clear();
        await state.WriteStateAsync();
    }

    /// <summary>Tells each owed title the video's creator, views and whether it still links there (the
    /// projectors report views as they grow from then on).</summary>
    public async Task ReportOwedAsync()
    {
        var video = await withCounters(state.State.Video!);
        foreach (var titleId in state.State.LinkReportsOwed.ToList())
        {
            await grains.GetGrain<ITitleHubGrain>(titleId)
                .ReportLinkedVideoAsync(new LinkedVideoReport(video.Id, video.CreatorId, video.Counters.Views, state.State.AnchorLink == titleId));
            state.State.LinkReportsOwed.Remove(titleId);
        }
    }

    /// <summary>The video's eligibility for every title it matches now (looked up afresh, not from the cache
    /// the queueing keeps), each rule passed or failed.</summary>
    public async Task<IReadOnlyList<TitleEligibility>> EligibilityAsync(VideoDetails video, bool policyViolation) =>
        [.. (await TitleCandidates.FindAsync(grains, video)).Select(title => LinkEligibility.Evaluate(video, title, policyViolation))];

    /// <summary>The titles the video matches, from the term index at most every <see cref="CandidatesLifetime"/>.</summary>
    private async Task<IReadOnlyList<TitleDetails>> CandidatesAsync(VideoDetails video)
    {
        var now = clock.GetUtcNow();
        if (_candidates is null || now - _candidatesLoadedAt > CandidatesLifetime)
        {
            (_candidates, _candidatesLoadedAt) = (await TitleCandidates.FindAsync(grains, video), now);
        }

        return _candidates;
    }
}
