using System.Diagnostics;
using Spotlight.Tests.Cluster.Postgres;
using Spotlight.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spotlight.Tests.Cluster.Processes.Failover;

/// <summary>
/// PostgreSQL itself goes away under load: two silo processes and two API processes, a sender posting every
/// batch until acknowledged, and <c>pg_ctl stop -m immediate</c> (a crash: no shutdown checkpoint, every
/// connection cut) half-way, then a start with crash recovery. While the database is down callers are told
/// to retry (503); afterwards every acknowledged batch is counted exactly once and every process still runs.
/// </summary>
/// <remarks>Runs its own server with synchronous commits (an immediate stop would otherwise lose commits
/// PostgreSQL had acknowledged); in the PostgreSQL collection only so that it runs alone.</remarks>
[Collection(PostgresCollection.Name)]
public class PostgresRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task RestartingPostgreSqlUnderLoad_LosesNothing_AndCountsNothingTwice()
    {
        await using var server = await PostgresServer.StartPrivateAsync(durableCommits: true);
        var database = await server.CreateDatabaseAsync();
        var silos = Enumerable.Range(1, 2).Select(i => SiloProcesses.StartPostgresSilo(ClusterRun.WithApplicationName(database, ClusterRun.SiloName(i)), ClusterRun.SiloName(i))).ToList();
        var apis = new[] { ApiProcesses.StartPostgresApi(database, "api-a"), ApiProcesses.StartPostgresApi(database, "api-b") };
        var processes = silos.Select(s => s.Process).Concat(apis.Select(a => a.Process)).ToList();
        try
        {
            await ClusterRun.WaitUntilUpAsync(database, silos.Count, processes, apis, StartTimeout);

            var workload = new EngagementWorkload(videos: 40, tracks: 4, batches: 200, eventsPerBatch: 100, seed: 17);
            await workload.SetUpAsync(apis[0].BaseAddress);
            // Paced, so that traffic is still arriving while the database is down and when it comes back.
            var sending = workload.SendAllAsync(apis[0].BaseAddress, apis[1].BaseAddress, senders: 3, TimeSpan.FromMinutes(4), batchesPerSecond: 10);
            await Eventually.UntilAsync(() => Fail(sending) || workload.Acknowledged >= 60, TimeSpan.FromMinutes(2), "60 acknowledged batches");

            var acknowledgedBefore = workload.Acknowledged;
            var retriesBefore = workload.Retries;
            await server.StopImmediatelyAsync();
            var down = Stopwatch.StartNew();
            // An outage of some seconds (long enough for every silo's projectors, appender and membership
            // updates to fail), and until every sender has been refused at least once.
            await Eventually.UntilAsync(() => Fail(sending) || (workload.Retries >= retriesBefore + 3 && down.Elapsed >= Outage), TimeSpan.FromSeconds(60), "three refused attempts while PostgreSQL is down");
            var downFor = down.Elapsed;
            await server.StartAgainAsync();
            var up = Stopwatch.StartNew();
            await sending;

            ClusterRun.ThrowIfAnyExited(processes);
            await ClusterRun.AssertExactAsync(workload, apis[0].BaseAddress, processes);
            await ClusterRun.AssertCheckpointsCaughtUpAsync(database);
            ClusterRun.ThrowIfAnyExited(processes);
            output.WriteLine($"PostgreSQL stopped after {acknowledgedBefore} of {workload.BatchCount} batches, down {downFor.TotalSeconds:0.0} s; " +
                $"all acknowledged {up.Elapsed.TotalSeconds:0.0} s after the start ({workload.Retries} attempts repeated, {workload.FailedPosts} of {workload.Posts} posts failed); " +
                $"acknowledged per second: {string.Join(' ', workload.AcknowledgedPerSecond())}");
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    private static bool Fail(Task sending) =>
        sending.IsCompleted ? throw new InvalidOperationException($"Sending ended early: {sending.Exception}") : false;
}
