using System.Diagnostics;
using Npgsql;
using Spotlight.Tests.Cluster.Postgres;
using Spotlight.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spotlight.Tests.Cluster.Processes.Failover;

/// <summary>
/// Postgres mode with real processes: three silos, two API instances, a sender posting every batch through
/// both APIs at once (and again under the same id until acknowledged), and a <c>kill -9</c> of one silo
/// mid-run. Afterwards every video counter, every track's popularity and a title's analytics (over the videos
/// that match it) must equal the ground truth: no acknowledged event lost, none counted twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public class EngagementFailoverTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan SendDeadline = TimeSpan.FromMinutes(4);

    /// <summary>The longest a caller may go without an acknowledgement after a kill: the hedged copies (sent
    /// after HedgedClusterCalls.HedgeDelay, 1 s) get through.</summary>
    private static readonly TimeSpan LongestSilence = TimeSpan.FromSeconds(2);

    public enum KillPoint
    {
        /// <summary>Just after the first batches: activations and pulling agents are still being created.</summary>
        Early,

        /// <summary>Half-way, under steady load.</summary>
        UnderLoad,

        /// <summary>While a delivery's transaction waits for its partition's checkpoint row, its first statement
        /// (held by a lock on the checkpoint table).</summary>
        DuringCheckpointWrite,

        /// <summary>In the middle of a delivery's transaction: its checkpoint row locked and its video counters
        /// written, its track counts waiting (held by a lock on the track table); the commit never comes.</summary>
        DuringDeliveryTransaction,
    }

    [Theory]
    [InlineData(KillPoint.Early)]
    [InlineData(KillPoint.UnderLoad)]
    [InlineData(KillPoint.DuringCheckpointWrite)]
    [InlineData(KillPoint.DuringDeliveryTransaction)]
    public async Task KillingASiloMidRun_LosesNothing_AndCountsNothingTwice(KillPoint point)
    {
        var database = await postgres.CreateDatabaseAsync();
        var silos = Enumerable.Range(1, 3).Select(i => SiloProcesses.StartPostgresSilo(ClusterRun.WithApplicationName(database, ClusterRun.SiloName(i)), ClusterRun.SiloName(i))).ToList();
        var apis = new[] { ApiProcesses.StartPostgresApi(database, "api-a"), ApiProcesses.StartPostgresApi(database, "api-b") };
        var processes = silos.Select(s => s.Process).Concat(apis.Select(a => a.Process)).ToList();
        try
        {
            await ClusterRun.WaitUntilUpAsync(database, silos.Count, processes, apis, StartTimeout);

            var workload = new EngagementWorkload(videos: 40, tracks: 4, batches: 150, eventsPerBatch: 100, seed: (int)point + 1);
            await workload.SetUpAsync(apis[0].BaseAddress);
            // Held from before the traffic, so that deliveries are certain to come and wait on it.
            await using var blocker = point switch
            {
                KillPoint.DuringCheckpointWrite => await TableWriteBlocker.LockAsync(database, "engagement_checkpoint"),
                KillPoint.DuringDeliveryTransaction => await TableWriteBlocker.LockAsync(database, "engagement_track_bucket"),
                _ => null,
            };
            var sending = workload.SendAllAsync(apis[0].BaseAddress, apis[1].BaseAddress, senders: 3, SendDeadline);
            var (victim, acknowledgedBeforeKill) = await KillAtAsync(point, workload, sending, silos, blocker);
            output.WriteLine($"killed at {DateTime.UtcNow:HH:mm:ss.fff}");
            var killedAt = workload.Elapsed;
            var sinceKill = Stopwatch.StartNew();
            await sending;
            var sentAt = sinceKill.Elapsed;

            Assert.True(victim.HasExited, $"{victim.Name} should have been killed");
            await ClusterRun.AssertExactAsync(workload, apis[0].BaseAddress, processes);
            await ClusterRun.AssertCheckpointsCaughtUpAsync(database);
            output.WriteLine("trend alerts, each window once as brute force says: " + string.Join("; ", workload.AlertWindowsFiring()));
            output.WriteLine($"{point}: killed {victim.Name} after {acknowledgedBeforeKill} of {workload.BatchCount} batches; " +
                $"all acknowledged {sentAt.TotalSeconds:0.0} s after the kill ({workload.Retries} attempts repeated); " +
                $"exact {sinceKill.Elapsed.TotalSeconds:0.0} s after the kill; API success {workload.SuccessRatio:P2} " +
                $"({workload.FailedPosts} of {workload.Posts} posts failed); acknowledged per second: {string.Join(' ', workload.AcknowledgedPerSecond())}");

            // From the kill until every batch was acknowledged: what callers saw while the cluster recovered.
            var (duringRecovery, postsDuringRecovery) = workload.SuccessBetween(killedAt, killedAt + sentAt);
            output.WriteLine($"API success from the kill to the last acknowledgement: {duringRecovery:P2} of {postsDuringRecovery} posts");
            // Calls in flight on the dead silo's connection are never answered; the API sends them again
            // through another gateway after HedgedClusterCalls.HedgeDelay instead of waiting out the timeout.
            var silence = workload.LongestSilenceAfter(killedAt);
            output.WriteLine($"longest time without an acknowledgement after the kill: {silence.TotalSeconds:0.00} s");
            foreach (var api in apis)
            {
                var log = api.Process.Output.Replace("\n      ", " ", StringComparison.Ordinal).Split('\n');
                output.WriteLine($"{api.Process.Name} sent {log.Count(l => l.Contains("sending copy", StringComparison.Ordinal))} copies of calls");
                if (silence >= LongestSilence)
                {
                    // What the API saw of the cluster meanwhile, to tell a dead connection from a stalled silo.
                    output.WriteLine(string.Join("\n", log.Where(l => l.Contains("ateway", StringComparison.Ordinal) || l.Contains("onnection", StringComparison.Ordinal)
                        || l.Contains("imeout", StringComparison.Ordinal) || l.Contains("copy", StringComparison.Ordinal)).Select(l => l.Length > 400 ? l[..400] : l)));
                }
            }

            if (silence >= LongestSilence)
            {
                // What the silos could not address meanwhile (a copy whose placement waited on the dead silo).
                foreach (var silo in silos.Where(s => !s.Process.HasExited))
                {
                    output.WriteLine($"{silo.Process.Name}: " + string.Join("\n", silo.Process.Output.Replace("\n      ", " ", StringComparison.Ordinal).Split('\n')
                        .Where(l => l.Contains("Failed to address", StringComparison.Ordinal)).Select(l => l.Length > 300 ? l[..300] : l).Take(20)));
                }
            }

            // The hedged copies go to ingest keys every silo keeps addressed (IngestAddressKeeper), so none
            // waits for the cluster to declare the dead silo dead.
            Assert.True(silence < LongestSilence, $"no batch was acknowledged for {silence.TotalSeconds:0.00} s after the kill (at most {LongestSilence.TotalSeconds:0} s)");
            Assert.True(duringRecovery >= 0.99, $"API success after the kill was {duringRecovery:P2}, below 99 %");
            Assert.True(workload.SuccessRatio >= 0.99, $"API success {workload.SuccessRatio:P2} is below 99 %");

            // Before the kill nothing failed, so each batch's two concurrent posts were both answered, and
            // exactly one of them counted the batch (the other said duplicate).
            var clean = workload.Pairs.Where(p => p.Sequence <= acknowledgedBeforeKill && p.FirstAttempt && p.BothAcknowledged).ToList();
            Assert.NotEmpty(clean);
            Assert.All(clean, p => Assert.True(p.Counted == 1, $"{p.BatchId}: {p.Counted} of two concurrent posts counted the batch"));
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    private static async Task<(HostProcess Victim, int AcknowledgedBeforeKill)> KillAtAsync(
        KillPoint point, EngagementWorkload workload, Task sending, IReadOnlyList<SiloProcesses.RunningSilo> silos, TableWriteBlocker? blocker)
    {
        switch (point)
        {
            case KillPoint.Early:
                await WaitForAcknowledgedAsync(workload, sending, 5);
                return (Kill(silos[1].Process), workload.Acknowledged);
            case KillPoint.UnderLoad:
                await WaitForAcknowledgedAsync(workload, sending, workload.BatchCount / 2);
                return (Kill(silos[2].Process), workload.Acknowledged);
            default:
            {
                await WaitForAcknowledgedAsync(workload, sending, workload.BatchCount / 4);
                IReadOnlyList<string> waiting = [];
                await Eventually.UntilAsync(async () => (waiting = await blocker!.WaitingWritersAsync()).Count > 0,
                    TimeSpan.FromSeconds(60), $"a silo's delivery to wait on the test's lock ({point})");
                var victim = silos.Select((s, i) => (s.Process, Name: ClusterRun.SiloName(i + 1))).First(s => waiting.Contains(s.Name)).Process;
                var acknowledged = workload.Acknowledged;
                Kill(victim);
                await blocker!.ReleaseAsync();
                return (victim, acknowledged);
            }
        }
    }

    private static HostProcess Kill(HostProcess silo)
    {
        silo.Kill();
        return silo;
    }

    private static Task WaitForAcknowledgedAsync(EngagementWorkload workload, Task sending, int count) =>
        Eventually.UntilAsync(() =>
            {
                if (sending.IsCompleted)
                {
                    throw new InvalidOperationException($"Sending ended before {count} batches were acknowledged: {sending.Exception}");
                }

                return workload.Acknowledged >= count;
            },
            SendDeadline,
            $"{count} acknowledged batches");
}
