using Orleans.Streams;
using Orleans.Streams.Core;
using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Engagement;

/// <summary>
/// Base of the grains that consume one engagement partition. A slice is applied to every target before
/// the delivery completes, and targets remember the newest position they applied per partition, so a
/// slice delivered again (after a crash, by a replaying stream) changes nothing.
/// </summary>
public abstract class EngagementProjector : Grain, IStreamSubscriptionObserver, IAsyncObserver<EngagementSlice>
{
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<EngagementSlice>().ResumeAsync(this);

    public async Task OnNextAsync(EngagementSlice item, StreamSequenceToken? token = null)
    {
        var position = token is null
            ? throw new InvalidOperationException("Engagement slices must carry a sequence token; the stream provider gave none.")
            : new SlicePosition(token.SequenceNumber, token.EventIndex);
        await ApplyAsync(new SliceIdentity(this.GetPrimaryKeyString(), position), item);
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    protected abstract Task ApplyAsync(SliceIdentity slice, EngagementSlice item);
}
