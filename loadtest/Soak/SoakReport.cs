using System.Globalization;
using Spotlight.LoadTest.Common;

namespace Spotlight.LoadTest.Soak;

/// <summary>The soak's figures and charts (memory over time, per-minute throughput and latency) as one page.</summary>
public static class SoakReport
{
    public static (string JsonPath, string HtmlPath) Write(SoakResult result, string folder) =>
        ReportFiles.Write(folder, $"soak-{result.RunId}", result, Html(result));

    public static IEnumerable<(string Name, string Value)> Figures(SoakResult r)
    {
        var o = r.Options;
        yield return ("Run", r.RunId);
        yield return ("Target", o.Target.ToString());
        yield return ("Shape", $"{o.Videos:N0} videos, {o.Tracks:N0} tracks; {o.Rate:N0} events/s in {o.BatchSize}-event batches, {o.ReadsPerSecond} reads/s, {o.ReviewsPerSecond} review cycles/s; {o.DurationSeconds} s, warm-up {o.WarmupSeconds} s");
        yield return ("Ran", $"{r.RanSeconds:N0} s");
        yield return ("Done", $"{r.Events:N0} events acknowledged, {r.Reads:N0} reads, {r.TrackReviews:N0} track reviews, {r.JudgeScores:N0} judge scores, {r.LinkVideos:N0} videos registered, {r.LinkDecisions:N0} link reviews decided");
        yield return ("Errors", r.Errors == 0 ? "0" : $"{r.Errors}: {string.Join(", ", r.ErrorsByOperation.Select(e => $"{e.Key} {e.Value}"))}");
        yield return ("Unacknowledged batches", r.UnacknowledgedBatches.ToString(CultureInfo.InvariantCulture));
        yield return ("Ground truth", r.Mismatches == 0 ? "every video's counters equal what was acknowledged; every link review decided" : $"NO: {r.Mismatches} differences");
        yield return ("Retained objects after warm-up", Growth(r.RetainedObjectsGrowth) + $" (limit {o.MaxGrowthPercent:0.#} %)");
        yield return ("Retained working set after warm-up", Growth(r.RetainedWorkingSetGrowth) + $" (limit {o.MaxGrowthPercent:0.#} %)");
        yield return ("Retained working set before the native trim (not judged)", Growth(r.RetainedUntrimmedWorkingSetGrowth));
        var pauses = r.Retained.Select(s => s.CollectionMs).Order().ToList();
        yield return ("Full collections for the retained figures", pauses.Count == 0 ? "none" : $"{pauses.Count} (every {o.CollectSeconds} s), pause median {pauses[pauses.Count / 2]:N0} ms, longest {pauses[^1]:N0} ms");
        yield return ("Working set between them (not judged)", Growth(r.WorkingSetGrowth));
        yield return ("GC heap at the last collection (not judged)", Growth(r.HeapGrowth));
        if (r.SiloRetainedObjectsGrowth is { } siloObjects && r.SiloRetainedWorkingSetGrowth is { } siloWorkingSet)
        {
            yield return ("Silo: retained objects after warm-up", Growth(siloObjects) + $" (limit {o.MaxGrowthPercent:0.#} %)");
            yield return ("Silo: retained working set after warm-up", Growth(siloWorkingSet) + $" (limit {o.MaxGrowthPercent:0.#} %)");
        }

        if (r.SiloRetainedUntrimmedWorkingSetGrowth is { } siloUntrimmed)
        {
            yield return ("Silo: retained working set before the native trim (not judged)", Growth(siloUntrimmed));
        }

        if (r.SiloNativeInUseGrowth is { } siloNative)
        {
            yield return ("Silo: native allocations in use (not judged)", Growth(siloNative));
        }

        if (r.SiloHeapGrowth is { } siloHeap)
        {
            yield return ("Silo: GC heap at its last collection (not judged)", Growth(siloHeap));
        }

        if (r.LogGrowth is { } log && r.BatchIdGrowth is { } batchIds && r.StoreGrowth is { } store)
        {
            yield return ("Engagement log table after warm-up", Growth(log) + $" (limit {o.MaxGrowthPercent:0.#} %)");
            yield return ("Batch-id table after warm-up", Growth(batchIds) + $" (limit {o.MaxGrowthPercent:0.#} %)");
            yield return ("Store tables after warm-up (not judged)", Growth(store));
        }

        var gen2 = r.Memory.Count > 1 ? r.Memory[^1].Gen2Collections - r.Memory[0].Gen2Collections : 0;
        yield return ("Full (gen 2) collections during the run", gen2.ToString("N0", CultureInfo.InvariantCulture));
        yield return ("Verdict", r.Passed ? "passed" : "FAILED");
    }

    private static string Growth(MemoryGrowth g) =>
        $"{SoakRun.Mb(g.BaselineBytes):N0} MB → {SoakRun.Mb(g.FinalBytes):N0} MB ({g.Percent:+0.0;-0.0;0.0} %, medians of the first and last {g.WindowSeconds:N0} s), peak {SoakRun.Mb(g.PeakBytes):N0} MB";

    private static string Html(SoakResult r)
    {
        var html = HtmlPage.Start($"Spotlight soak {r.RunId}").Append("<h1>Spotlight soak</h1><table>");
        foreach (var (name, value) in Figures(r))
        {
            HtmlPage.Row(html, name, value);
        }

        var seconds = r.Memory.Select(m => m.AtSecond).ToArray();
        var collected = r.Retained.Select(m => m.AtSecond).ToArray();
        var minutes = r.Minutes.Select(m => (double)m.Minute).ToArray();
        (double, double) warmup = (0, r.Options.WarmupSeconds);
        html.Append("</table><h2>What the API retains after a full collection (MB)</h2>")
            .Append(ReportChart.Lines(collected, [("working set", "#2563eb", [.. r.Retained.Select(m => SoakRun.Mb(m.WorkingSetBytes))]), ("live objects", "#16a34a", [.. r.Retained.Select(m => SoakRun.Mb(m.HeapBytes))])], "s", warmup))
            .Append("<h2>API memory between those collections (MB)</h2>")
            .Append(ReportChart.Lines(seconds, [("working set", "#2563eb", [.. r.Memory.Select(m => SoakRun.Mb(m.WorkingSetBytes))]), ("GC heap", "#16a34a", [.. r.Memory.Select(m => SoakRun.Mb(m.HeapBytes))])], "s", warmup))
            .Append(r.Tables.Count == 0 ? "" : "<h2>Engagement tables on disk (MB)</h2>" + ReportChart.Lines([.. r.Tables.Select(t => t.AtSecond)], [("log", "#2563eb", [.. r.Tables.Select(t => SoakRun.Mb(t.LogBytes))]), ("batch ids", "#ea580c", [.. r.Tables.Select(t => SoakRun.Mb(t.BatchIdBytes))]), ("store", "#16a34a", [.. r.Tables.Select(t => SoakRun.Mb(t.StoreBytes))])], "s", warmup))
            .Append(r.SiloRetained.Count == 0 ? "" : "<h2>What the silo retains after a full collection (MB)</h2>" + ReportChart.Lines([.. r.SiloRetained.Select(m => m.AtSecond)], [("working set", "#2563eb", [.. r.SiloRetained.Select(m => SoakRun.Mb(m.WorkingSetBytes))]), ("live objects", "#16a34a", [.. r.SiloRetained.Select(m => SoakRun.Mb(m.HeapBytes))])], "s", warmup))
            .Append(r.SiloMemory.Count == 0 ? "" : "<h2>Silo memory between those collections (MB)</h2>" + ReportChart.Lines([.. r.SiloMemory.Select(m => m.AtSecond)], [("working set", "#2563eb", [.. r.SiloMemory.Select(m => SoakRun.Mb(m.WorkingSetBytes))]), ("GC heap", "#16a34a", [.. r.SiloMemory.Select(m => SoakRun.Mb(m.HeapBytes))])], "s", warmup))
            .Append("<h2>Events acknowledged per minute</h2>")
            .Append(ReportChart.Lines(minutes, [("events", "#2563eb", [.. r.Minutes.Select(m => (double)m.Events)])], "min", (0, r.Options.WarmupSeconds / 60.0)))
            .Append("<h2>Latency p99 per minute (ms)</h2>")
            .Append(ReportChart.Lines(minutes, [("ack", "#dc2626", [.. r.Minutes.Select(m => m.AckP99Ms)]), ("read", "#9333ea", [.. r.Minutes.Select(m => m.ReadP99Ms)])], "min", (0, r.Options.WarmupSeconds / 60.0)))
            .Append("<p>Shaded: the warm-up, not counted in the memory verdict.</p></html>");
        return html.ToString();
    }
}
