using Spotlight.LoadTest;
using Spotlight.LoadTest.Soak;
using Spotlight.Tests.Cluster.Postgres;
using Xunit.Abstractions;

namespace Spotlight.Tests.Cluster.Processes;

/// <summary>
/// The short soak of the README's test command: the load generator's soak mode (ingestion, reads, reviews)
/// for a minute against the embedded system as its own process. In the PostgreSQL collection only so that
/// it runs after, not beside, the other process-level tests on the machine's two cores.
/// </summary>
[Collection(PostgresCollection.Name)]
public class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EmbeddedSystem_UnderMixedLoad_AnswersEveryCall_AndCountsEveryEvent()
    {
        var running = ApiProcesses.StartEmbeddedApi("embedded api");
        await using var api = running.Process;
        await ApiProcesses.WaitUntilReadyAsync(running, TimeSpan.FromSeconds(90));
        var options = new LoadTestOptions
        {
            Mode = "soak",
            Target = running.BaseAddress,
            Videos = 1_000,
            Tracks = 100,
            DurationSeconds = 60,
            WarmupSeconds = 20,
            SampleSeconds = 2,
            CollectSeconds = 10,
            EventsPerSecond = 2_000,
            BatchSize = 200,
            Senders = 4,
            ReadsPerSecond = 40,
            ReviewsPerSecond = 2,
            VerifySeconds = 120,
        };

        var result = await SoakRun.RunAsync(options, "ci-" + Guid.NewGuid().ToString("N")[..8], output.WriteLine);

        foreach (var (name, value) in SoakReport.Figures(result))
        {
            output.WriteLine($"{name}: {value}");
        }

        var problems = string.Join("\n", result.ErrorExamples.Concat(result.MismatchExamples));
        Assert.True(result.Errors == 0, $"{result.Errors} calls failed:\n{problems}\n{api.Output}");
        Assert.Equal(0, result.UnacknowledgedBatches);
        Assert.True(result.Mismatches == 0, problems);
        // Every kind of work happened; memory was read from the API's /metrics throughout, and what it
        // retains after a full collection every ten seconds.
        Assert.True(result is { Events: > 0, Reads: > 0, TrackReviews: > 0, JudgeScores: > 0, LinkDecisions: > 0 }, $"{result}");
        Assert.Equal(result.LinkVideos, result.LinkDecisions);
        Assert.True(result.Memory.Count >= 10 && result.Memory.All(m => m is { WorkingSetBytes: > 0, HeapBytes: > 0 }), $"{result.Memory.Count} memory samples");
        Assert.True(result.Retained.Count >= 5 && result.Retained.All(m => m.HeapBytes > 0 && m.WorkingSetBytes > m.HeapBytes), $"{result.Retained.Count} retained-memory readings");
        Assert.False(api.HasExited, api.Output);
    }
}
