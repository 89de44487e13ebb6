using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Spotlight.LoadTest.Common;

/// <summary>
/// Posts engagement batches until acknowledged: the batch id makes a retry safe, and an acknowledged
/// duplicate means an earlier attempt counted. Counts failed attempts and batches never acknowledged.
/// </summary>
public sealed class BatchPoster(HttpClient ingest, Stopwatch clock, Action<string>? onError = null)
{
    private const int Attempts = 5;
    private long _errors;
    private long _unacknowledged;

    public long Errors => Interlocked.Read(ref _errors);

    public long Unacknowledged => Interlocked.Read(ref _unacknowledged);

    /// <summary>When the acknowledged attempt started (on the shared clock) and how long it took, or null
    /// if no attempt was acknowledged.</summary>
    public async Task<(TimeSpan Started, TimeSpan Latency)?> PostAsync(object batch)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var started = clock.Elapsed;
            try
            {
                using var response = await ingest.PostAsJsonAsync("/api/engagement", batch);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return (started, clock.Elapsed - started);
                }

                onError?.Invoke($"POST /api/engagement → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                onError?.Invoke($"POST /api/engagement → {ex.GetType().Name}: {ex.Message}");
            }

            Interlocked.Increment(ref _errors);
        }

        Interlocked.Increment(ref _unacknowledged);
        return null;
    }
}
