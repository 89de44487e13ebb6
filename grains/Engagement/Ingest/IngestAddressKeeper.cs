using Microsoft.Extensions.Logging;
using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Engagement.Ingest;

/// <summary>
/// Keeps every ingest key addressed on this silo. Orleans 10 looks a stateless worker up in the grain directory
/// before it places one, and a silo caches where it placed it (for up to four minutes). When the silo that owns
/// that part of the directory has just been killed, the lookup is retried until the cluster declares it dead,
/// about 10 s: the hedged copies of ingestion after a kill go to keys 1 and 2, which see little traffic before,
/// so a gateway that had no address for them left the caller without an answer for that long (seen in the
/// failover tests' silo logs: "Failed to address message … engagementingest/1", only for those keys). Calling
/// every key from this silo every <see cref="Interval"/> places it here while the directory answers and keeps
/// the cached address fresh, so a client's copy through this gateway needs no lookup.
/// </summary>
public sealed class IngestAddressKeeper(IGrainFactory grains, ILogger<IngestAddressKeeper> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private Task _keeping = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(IngestAddressKeeper), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _keeping = KeepAsync(_stop.Token);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _keeping;
    }

    private async Task KeepAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                for (var key = 0; key < EngagementIngestKeys.Count; key++)
                {
                    try
                    {
                        await grains.GetGrain<IEngagementIngestGrain>(key).KeepAddressedAsync().WaitAsync(Interval, stop);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
                    {
                        // The directory may be changing hands; the next round tries again.
                        logger.LogDebug(ex, "Ingest key {Key} could not be addressed on this silo yet", key);
                    }
                }

                await Task.Delay(Interval, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }
}
