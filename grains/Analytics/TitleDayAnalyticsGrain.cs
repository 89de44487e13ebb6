using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Common;
using Spotlight.Grains.Domain;
using Spotlight.Grains.Domain.Analytics;

namespace Spotlight.Grains.Analytics;

public sealed class TitleDayAnalyticsGrain(
    [PersistentState("title-day-analytics", StorageNames.Default)] IPersistentState<TitleDayAnalyticsState> state) : Grain, ITitleDayAnalyticsGrain
{
    private TitleDayAnalyticsState State => state.State;

    public async Task<SlicePosition?> ApplyEngagementAsync(SliceRange range, TitleDayDelta delta)
    {
        if (!AppliedPositions.TryAdvance(State.Applied, range, out var reply))
        {
            return reply;
        }

        AddMinutes(delta.Minutes);
        TitleMinuteMath.AddTo(State.Videos, delta.Videos);
        TitleMinuteMath.AddTo(State.Creators, delta.Creators);
        TitleMinuteMath.AddTo(State.Hashtags, delta.Hashtags);
        // On failure the activation is dropped, so the redelivered range meets what storage holds.
        await state.WriteOrDropActivationAsync(this);
        return null;
    }

    public async Task AddHubActivityAsync(IReadOnlyList<TitleMinuteCounts> minutes)
    {
        AddMinutes(minutes);
        await state.WriteOrDropActivationAsync(this);
    }

    public Task<TitleDayReport> GetAsync(long fromMinute, long toMinute)
    {
        var (_, day) = TitleAnalyticsKeys.Parse(this.GetPrimaryKeyString());
        return Task.FromResult(new TitleDayReport(
            day,
            [.. State.Minutes.Values.Where(m => m.Minute >= fromMinute && m.Minute < toMinute).OrderBy(m => m.Minute)],
            new Dictionary<string, EngagementCounters>(State.Videos, StringComparer.Ordinal),
            new Dictionary<string, EngagementCounters>(State.Creators, StringComparer.Ordinal),
            new Dictionary<string, EngagementCounters>(State.Hashtags, StringComparer.Ordinal)));
    }

    private void AddMinutes(IEnumerable<TitleMinuteCounts> minutes)
    {
        foreach (var minute in minutes)
        {
            State.Minutes[minute.Minute] = State.Minutes.TryGetValue(minute.Minute, out var current) ? TitleMinuteMath.Add(current, minute) : minute;
        }
    }
}
