using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Spotlight.LoadTest.Common;

/// <summary>Per video and kind, the events the API acknowledged: what the video's counters must show once
/// the projections have caught up.</summary>
public sealed class GroundTruth(int videos, Func<int, string> videoId)
{
    public const int Kinds = 4;
    private readonly long[] _counts = new long[videos * Kinds];

    public void Add(int video, int kind) => Interlocked.Increment(ref _counts[(video * Kinds) + kind]);

    /// <summary>Views, likes, comments and shares summed over the videos that <paramref name="include"/> selects.</summary>
    public long[] SumOver(Func<int, bool> include)
    {
        var sum = new long[Kinds];
        for (var v = 0; v < videos; v++)
        {
            if (include(v))
            {
                for (var k = 0; k < Kinds; k++)
                {
                    sum[k] += Interlocked.Read(ref _counts[(v * Kinds) + k]);
                }
            }
        }

        return sum;
    }

    /// <summary>
    /// Reads every video until all agree with what was acknowledged, or the timeout passes; re-reads only
    /// the ones that differ. Once the videos agree, <paramref name="alsoCheck"/> (if any) must agree too:
    /// it returns a description of a difference, or null. Returns what still differs.
    /// </summary>
    public async Task<List<string>> VerifyAsync(HttpClient reader, TimeSpan timeout, Func<Task<string?>>? alsoCheck = null)
    {
        var pending = Enumerable.Range(0, videos).ToList();
        var clock = Stopwatch.StartNew();
        var mismatches = new List<string>();
        var settled = false;
        while (!settled && clock.Elapsed < timeout)
        {
            var wrong = new System.Collections.Concurrent.ConcurrentBag<(int Video, string Detail)>();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (v, ct) =>
            {
                var counters = (await reader.GetFromJsonAsync<JsonElement>($"/api/videos/{videoId(v)}", ct)).GetProperty("counters");
                long[] actual = [counters.GetProperty("views").GetInt64(), counters.GetProperty("likes").GetInt64(), counters.GetProperty("comments").GetInt64(), counters.GetProperty("shares").GetInt64()];
                long[] expected = [.. Enumerable.Range(0, Kinds).Select(k => Interlocked.Read(ref _counts[(v * Kinds) + k]))];
                if (!actual.SequenceEqual(expected))
                {
                    wrong.Add((v, $"video {v}: expected {string.Join('/', expected)}, API shows {string.Join('/', actual)}"));
                }
            });
            pending = [.. wrong.Select(w => w.Video)];
            mismatches = [.. wrong.Select(w => w.Detail)];
            if (pending.Count == 0 && alsoCheck is not null && await alsoCheck() is { } other)
            {
                mismatches.Add(other);
            }

            settled = mismatches.Count == 0;
            if (!settled)
            {
                await Task.Delay(1000);
            }
        }

        return mismatches;
    }
}
