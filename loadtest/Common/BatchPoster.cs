using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Spotlight.LoadTest.Common;

/// <summary>
/// Posts engagement batches until acknowledged: the batch id makes a retry safe, and an acknowledged
/// duplicate means an earlier attempt counted. A 503 is waited out as its <c>Retry-After</c> says. Counts
/// failed attempts and batches never acknowledged.
/// </summary>
public sealed class BatchPoster(HttpClient ingest, Stopwatch clock, Action<string>? onError = null)
{
    private const int Attempts = 5;
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private long _errors;
    private long _unacknowledged;

    public long Errors => Interlocked.Read(ref _errors);

    public long Unacknowledged => Interlocked.Read(ref _unacknowledged);

    /// <summary>When the acknowledged attempt started (on the shared clock) and how long it took, or null
    /// if no attempt was acknowledged. The body is copied before the first await, so the caller may reuse it.</summary>
    public async Task<(TimeSpan Started, TimeSpan Latency)?> PostAsync(ReadOnlyMemory<byte> body)
    {
        var copy = body.ToArray();
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var started = clock.Elapsed;
            TimeSpan? wait = null;
            try
            {
                using var content = new ByteArrayContent(copy);
                content.Headers.ContentType = Json;
                using var response = await ingest.PostAsync("/api/engagement", content);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return (started, clock.Elapsed - started);
                }

                wait = response.StatusCode == HttpStatusCode.ServiceUnavailable ? response.Headers.RetryAfter?.Delta : null;
                onError?.Invoke($"POST /api/engagement → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                onError?.Invoke($"POST /api/engagement → {ex.GetType().Name}: {ex.Message}");
            }

            Interlocked.Increment(ref _errors);
            if (wait is { } delay)
            {
                await Task.Delay(delay);
            }
        }

        Interlocked.Increment(ref _unacknowledged);
        return null;
    }
}
