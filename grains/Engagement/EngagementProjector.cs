using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Engagement;

/// <summary>
/// Base of the grains that consume one engagement partition. Orleans hands over several consecutive slices
/// at once (the pulling agent's batch size), and a projector sends each target one delta for all of them,
/// so a target's calls and state writes grow with the distinct keys per delivery, not with slices or
/// events. Targets remember the newest position they applied per partition: a range delivered again
/// changes nothing, and a range that overlaps what a target applied (a replay after a crash may group
/// slices differently) is sent again as only the part after it. Every target is updated before the
/// delivery completes, so the stream moves on only when every target holds the range.
/// </summary>
public abstract class EngagementProjector : Grain, IStreamSubscriptionObserver, IAsyncBatchObserver<EngagementSlice>
{
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<EngagementSlice>().ResumeAsync((IAsyncBatchObserver<EngagementSlice>)this);

    public Task OnNextAsync(IList<SequentialItem<EngagementSlice>> items)
    {
        var slices = items.Select(i => new PositionedSlice(PositionOf(i.Token), i.Item)).ToList();
        return slices.Count == 0 ? Task.CompletedTask : ApplyAsync(this.GetPrimaryKeyString(), slices);
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    /// <summary>The pulling agent reports here what it could not deliver, for example events that left embedded
    /// mode's stream cache before this consumer read them (see SpotlightSiloBuilderExtensions); counts are then
    /// short, so it must not pass silently.</summary>
    public Task OnErrorAsync(Exception ex)
    {
        ServiceProvider.GetRequiredService<ILogger<EngagementProjector>>()
            .LogError(ex, "Engagement partition {Partition}: the stream could not deliver to {Projector}", this.GetPrimaryKeyString(), GetType().Name);
        return Task.CompletedTask;
    }

    /// <summary>Applies consecutive slices (in stream order) of <paramref name="partition"/> to every target.</summary>
    protected abstract Task ApplyAsync(string partition, IReadOnlyList<PositionedSlice> slices);

    private static SlicePosition PositionOf(StreamSequenceToken? token) => token is null
        ? throw new InvalidOperationException("Engagement slices must carry a sequence token; the stream provider gave none.")
        : new SlicePosition(token.SequenceNumber, token.EventIndex);
}
