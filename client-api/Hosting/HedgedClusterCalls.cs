using System.Collections.Concurrent;
using Orleans.Runtime;
using Polly;
using Polly.Hedging;
using Polly.Retry;

namespace Spotlight.ClientApi.Hosting;

/// <summary>
/// Idempotent cluster calls (ingestion under its batch id), sent again when the cluster does not answer. A
/// call that fails as unreachable (a gateway refused it or its connection broke) is sent again at once; a
/// call still unanswered after <see cref="HedgeDelay"/> is sent again beside it, and the first answer wins.
/// The second case is a silo's <c>kill -9</c>: the calls in flight on its connection are never answered and
/// would wait out the 10 s response timeout, while the client already routes new calls through another
/// gateway. Hedging brings that gap down to about the delay (docs/operations.md "When a silo dies"). When
/// every copy of a round fails or times out, one more round is sent before the caller gets a 503.
/// Only for calls whose repetition changes nothing; anything else keeps failing fast with 503.
/// </summary>
public sealed class HedgedClusterCalls(TimeProvider clock, ILogger<HedgedClusterCalls> logger)
{
    /// <summary>Well above an ingest call's p99 under sustained load (57–122 ms at 80 % of capacity, see
    /// docs/benchmarks.md), so a healthy cluster is almost never sent a call twice, and well under the 2 s a
    /// caller may go without an acknowledgement while a silo dies.</summary>
    public static readonly TimeSpan HedgeDelay = TimeSpan.FromSeconds(1);

    /// <summary>Sends beyond the first: at most three copies of a call are ever in flight.</summary>
    public const int MaxHedgedAttempts = 2;

    /// <summary>Rounds of copies after one whose every copy failed or timed out (the client has learned of the
    /// dead gateway by then, so the next round goes elsewhere).</summary>
    public const int MaxRounds = 2;

    /// <summary>Which copy a call is (0 for the first), set on each copy's context.</summary>
    private static readonly ResiliencePropertyKey<int> CopyKey = new("spotlight.copy");

    private readonly ConcurrentDictionary<Type, object> _pipelines = new();

    /// <summary>The failures that mean "no answer from the cluster", as the 503 handler sees them.</summary>
    public static bool IsUnreachable(Exception exception) => exception is OrleansMessageRejectionException or SiloUnavailableException
        or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException;

    /// <summary>Runs the call, and copies of it as above; the call is told which copy it is (0 for the first),
    /// so that a copy can go to another grain: the Orleans client routes a grain's calls through one gateway
    /// connection, and a copy to the same grain could follow its first into a connection that has just died.
    /// A copy that lost is let go, not awaited: a grain call does not stop when asked to, and the one on a dead
    /// connection would hold the answer until it times out.</summary>
    public async ValueTask<T> ExecuteAsync<T>(Func<int, CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken = default)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            return await ((ResiliencePipeline<T>)_pipelines.GetOrAdd(typeof(T), _ => Build<T>())).ExecuteAsync(
                static async (context, call) =>
                    await call(context.Properties.TryGetValue(CopyKey, out var copy) ? copy : 0, context.CancellationToken).AsTask().WaitAsync(context.CancellationToken),
                context,
                call);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ResiliencePipeline<T> Build<T>()
    {
        // Rounds and copies answer the same failures: the cluster did not answer.
        var unreachable = new PredicateBuilder<T>().Handle<Exception>(IsUnreachable);
        return new ResiliencePipelineBuilder<T> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<T>
            {
                ShouldHandle = unreachable,
                MaxRetryAttempts = MaxRounds - 1,
                Delay = TimeSpan.Zero,
            })
            .AddHedging(new HedgingStrategyOptions<T>
            {
                ShouldHandle = unreachable,
                MaxHedgedAttempts = MaxHedgedAttempts,
                Delay = HedgeDelay,
                ActionGenerator = args =>
                {
                    args.ActionContext.Properties.Set(CopyKey, args.AttemptNumber);
                    return () => args.Callback(args.ActionContext);
                },
                OnHedging = args =>
                {
                    logger.LogWarning("A cluster call failed as unreachable or is unanswered after {Delay}; sending copy {Copy}", HedgeDelay, args.AttemptNumber + 1);
                    return default;
                },
            })
            .Build();
    }
}
