using Spotlight.Tests.Cluster.Postgres;
using Spotlight.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spotlight.Tests.Cluster.Processes.Failover;

/// <summary>
/// Postgres mode with real processes under a steady paced load through two APIs: (a) scaling from 2 silos
/// to 4 and back to 2 with graceful SIGTERM, (b) a rolling restart of every silo one by one (a new silo
/// joins before an old one leaves, as a Deployment with maxUnavailable 0 does). Afterwards every counter,
/// every track's popularity and a title's analytics equal the ground truth, at least 99 % of API calls
/// succeeded, and the time until throughput was back to the pace after each change is reported.
/// </summary>
[Collection(PostgresCollection.Name)]
public class ClusterChangeTests(PostgresFixture postgres, ITestOutputHelper output)
{
    /// <summary>Batches of 100 events per second: 2,000 events/s, steady, so dips are visible.</summary>
    private const double Pace = 20;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan SendDeadline = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan AfterChange = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ScalingFrom2To4To2Silos_UnderLoad_LosesNothing_AndKeepsTheApiAnswering()
    {
        await RunAsync(initialSilos: 2, seed: 11, async cluster =>
        {
            await cluster.WaitForAcknowledgedAsync(100);
            var added = await cluster.ChangeAsync("scale out 2 → 4", async () =>
            {
                var started = new[] { cluster.StartSilo(), cluster.StartSilo() };
                await cluster.WaitForActiveAsync(4);
                return started;
            });
            await cluster.WaitForAcknowledgedAsync(cluster.Workload.Acknowledged + 200);
            await cluster.ChangeAsync("scale in 4 → 2 (SIGTERM)", async () =>
            {
                await Task.WhenAll(added.Select(cluster.StopGracefullyAsync));
                await cluster.WaitForActiveAsync(2);
                return added;
            });
        });
    }

    [Fact]
    public async Task RollingRestartOfEverySilo_UnderLoad_LosesNothing_AndKeepsTheApiAnswering()
    {
        await RunAsync(initialSilos: 3, seed: 12, async cluster =>
        {
            await cluster.WaitForAcknowledgedAsync(100);
            foreach (var old in cluster.InitialSilos)
            {
                await cluster.ChangeAsync($"replace {old.Process.Name}", async () =>
                {
                    var replacement = cluster.StartSilo();
                    await cluster.WaitForActiveAsync(4);
                    await cluster.StopGracefullyAsync(old);
                    await cluster.WaitForActiveAsync(3);
                    return new[] { replacement };
                });
            }
        });
    }

    /// <summary>
    /// An API process started while a silo has just been killed and its replacement is starting must not answer
    /// 500 at any point: not while it looks for a gateway, not while it is connected but has no grain manifest
    /// yet, not while calls go to the dead silo. Until it can serve, routes and /readyz answer 503.
    /// </summary>
    [Fact]
    public async Task AnApiStartedWhileASiloIsKilledAndReplaced_NeverAnswers500()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var cluster = new ChangingCluster(database, output);
        var doomed = cluster.StartSilo();
        cluster.StartSilo();
        await cluster.WaitForActiveAsync(2, StartTimeout);

        await cluster.KillAsync(doomed);
        cluster.StartSilo();
        var api = ApiProcesses.StartPostgresApi(database, "api-churn");
        cluster.Track([api.Process]);
        using var http = api.Client();

        var answers = new Dictionary<string, int>();
        var failures = new List<string>();
        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        DateTimeOffset? readySince = null;
        // Sampled every 100 ms from the API's start until it has served for 5 s (or the deadline).
        while (DateTimeOffset.UtcNow < deadline && (readySince is null || DateTimeOffset.UtcNow - readySince < TimeSpan.FromSeconds(5)))
        {
            foreach (var path in new[] { "/readyz", "/api/videos/churn-probe" })
            {
                HttpResponseMessage response;
                try
                {
                    response = await http.GetAsync(path);
                }
                catch (HttpRequestException)
                {
                    continue; // not listening yet
                }

                using (response)
                {
                    var status = (int)response.StatusCode;
                    answers[$"{path} {status}"] = answers.GetValueOrDefault($"{path} {status}") + 1;
                    if (status >= 500 && status != 503)
                    {
                        failures.Add($"{path} {status}: {await response.Content.ReadAsStringAsync()}");
                    }
                    else if (status == 503 && response.Headers.RetryAfter is null && path != "/readyz")
                    {
                        failures.Add($"{path} 503 without Retry-After");
                    }

                    if (path == "/api/videos/churn-probe" && status == 404)
                    {
                        readySince ??= DateTimeOffset.UtcNow;
                    }
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        output.WriteLine("answers while the API started during the churn: " + string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key} ×{a.Value}")));
        Assert.Empty(failures);
        Assert.True(readySince is not null, $"the API never served within {StartTimeout.TotalSeconds:0} s:\n{api.Process.Output}");
    }

    private async Task RunAsync(int initialSilos, int seed, Func<ChangingCluster, Task> changes)
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var cluster = new ChangingCluster(database, output);
        for (var i = 0; i < initialSilos; i++)
        {
            cluster.StartSilo();
        }

        var apis = new[] { ApiProcesses.StartPostgresApi(database, "api-a"), ApiProcesses.StartPostgresApi(database, "api-b") };
        cluster.Track(apis.Select(a => a.Process));
        await cluster.WaitForActiveAsync(initialSilos, StartTimeout);
        await Task.WhenAll(apis.Select(a => ApiProcesses.WaitUntilReadyAsync(a, StartTimeout)));

        // More batches than any run needs: the load goes on until the changes are done and 10 s after them.
        cluster.Workload = new EngagementWorkload(videos: 40, tracks: 4, batches: (int)(Pace * SendDeadline.TotalSeconds), eventsPerBatch: 100, seed: seed);
        await cluster.Workload.SetUpAsync(apis[0].BaseAddress);
        using var stopTaking = new CancellationTokenSource();
        cluster.Sending = cluster.Workload.SendAllAsync(apis[0].BaseAddress, apis[1].BaseAddress, senders: 4, SendDeadline, Pace, stopTaking.Token);
        await changes(cluster);
        await cluster.WaitForAcknowledgedAsync(cluster.Workload.Acknowledged + (int)(Pace * AfterChange.TotalSeconds));
        await stopTaking.CancelAsync();
        await cluster.Sending;

        await ClusterRun.AssertExactAsync(cluster.Workload, apis[0].BaseAddress, cluster.Processes);
        await ClusterRun.AssertCheckpointsCaughtUpAsync(database);
        var perSecond = cluster.Workload.AcknowledgedPerSecond();
        output.WriteLine($"API success {cluster.Workload.SuccessRatio:P2} ({cluster.Workload.FailedPosts} of {cluster.Workload.Posts} posts failed); " +
            $"{cluster.Workload.Retries} batches resent; acknowledged per second: {string.Join(' ', perSecond)}");
        foreach (var change in cluster.Changes)
        {
            // The change and the ten seconds after it: what callers saw while it happened.
            var (ratio, posts) = cluster.Workload.SuccessBetween(change.StartedAt, change.StartedAt + change.Took + AfterChange);
            output.WriteLine($"{change.Name}: took {change.Took.TotalSeconds:0.0} s; API success during it {ratio:P2} of {posts} posts; " +
                $"full throughput {RecoverySeconds(perSecond, change.StartedAt):0} s after it began");
            Assert.True(ratio >= 0.99, $"API success during {change.Name} was {ratio:P2}, below 99 %");
        }

        Assert.True(cluster.Workload.SuccessRatio >= 0.99, $"API success {cluster.Workload.SuccessRatio:P2} is below 99 %");
    }

    /// <summary>Seconds from a change's start until three seconds in a row reach 90 % of the pace.</summary>
    private static double RecoverySeconds(int[] perSecond, TimeSpan startedAt)
    {
        var first = (int)startedAt.TotalSeconds;
        for (var s = first; s + 2 < perSecond.Length; s++)
        {
            if (perSecond.Skip(s).Take(3).All(n => n >= 0.9 * Pace))
            {
                return s - first;
            }
        }

        return double.NaN;
    }
}
