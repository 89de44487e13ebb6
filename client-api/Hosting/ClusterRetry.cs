using Orleans.Runtime;
using Polly;
using Polly.Retry;

namespace Spotlight.ClientApi.Hosting;

/// <summary>
/// Retries of idempotent cluster calls (ingestion under its batch id, reads) when the cluster did not
/// answer: a gateway that died with the call in flight, or one the client still believed alive. The next
/// attempt goes through another gateway, so a silo's crash costs the caller latency instead of an error.
/// Only for calls whose repetition changes nothing; anything else keeps failing fast with 503.
/// </summary>
public sealed class ClusterRetry
{
    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsUnreachable),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    /// <summary>The failures that mean "no answer from the cluster", as the 503 handler sees them.</summary>
    public static bool IsUnreachable(Exception exception) => exception is OrleansMessageRejectionException or SiloUnavailableException
        or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException;

    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken = default) =>
        _pipeline.ExecuteAsync(call, cancellationToken);
}
