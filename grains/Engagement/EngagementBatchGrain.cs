using Orleans.Streams;
using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Engagement;

/// <summary>
/// Embedded-mode ingestion of one batch: publishes it whole to its partition once, and remembers that it
/// did. State is in the embedded (memory) store like everything else in that mode; the postgres mode
/// makes the batch durable in the database instead.
/// </summary>
public sealed class EngagementBatchGrain(
    [PersistentState("engagement-batch", StorageNames.Default)] IPersistentState<EngagementBatchState> state) : Grain, IEngagementBatchGrain
{
    public async Task<bool> AcceptAsync(IReadOnlyList<EngagementRecord> records)
    {
        if (state.State.Accepted)
        {
            return true;
        }

        var batchId = this.GetPrimaryKeyString();
        if (records.Count > 0)
        {
            var stream = this.GetStreamProvider(EngagementStreams.ProviderName)
                .GetStream<EngagementSlice>(EngagementStreams.StreamOf(EngagementStreams.PartitionOf(batchId)));
            await stream.OnNextAsync(new EngagementSlice(batchId, records));
        }

        state.State.Accepted = true;
        await state.WriteStateAsync();
        // Nothing more will be asked of this batch except "was it accepted?"; free the activation.
        DeactivateOnIdle();
        return false;
    }
}

[GenerateSerializer, Alias("Spotlight.Engagement.EngagementBatchState")]
public sealed class EngagementBatchState
{
    [Id(0)]
    public bool Accepted { get; set; }
}
