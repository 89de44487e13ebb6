using Spotlight.LoadTest.Common;

namespace Spotlight.LoadTest;

/// <summary>Writes the run as JSON and as one self-contained HTML page with SVG charts (no scripts, no CDN).</summary>
public static class Report
{
    public static (string JsonPath, string HtmlPath) Write(LoadResult result, string folder) =>
        ReportFiles.Write(folder, $"loadtest-{result.RunId}", result, Html(result));

    private static string Html(LoadResult r)
    {
        var html = HtmlPage.Start($"Spotlight load test {r.RunId}").Append("<h1>Spotlight load test</h1><table>");
        HtmlPage.Row(html, "Run", r.RunId);
        HtmlPage.Row(html, "Target", r.Options.Target.ToString());
        HtmlPage.Row(html, "Shape", $"{r.Options.Videos:N0} videos, {r.Options.Tracks:N0} tracks, Zipf s={r.Options.ZipfExponent}, {r.Options.BatchSize}-event batches, {r.Options.Senders} senders, {r.Options.DurationSeconds} s; viral: {r.Options.ViralShare:P0} of events to one video from {r.Options.ViralStartSeconds} s for {r.Options.ViralDurationSeconds} s");
        HtmlPage.Row(html, "Events acknowledged", $"{r.TotalEvents:N0} ({r.EventsPerSecond:N0}/s; uniform phase {r.UniformEventsPerSecond:N0}/s, viral phase {r.ViralEventsPerSecond:N0}/s)");
        HtmlPage.Row(html, "Ack latency", $"p50 {r.AckP50Ms:N1} ms, p99 {r.AckP99Ms:N1} ms, max {r.AckMaxMs:N1} ms");
        foreach (var figure in r.Freshness)
        {
            HtmlPage.Row(html, $"Freshness, {figure.Name}", $"p50 {figure.P50Ms:N1} ms, p99 {figure.P99Ms:N1} ms ({figure.Probes} probes)");
        }

        HtmlPage.Row(html, "Applied to the end after the last acknowledgement", $"{r.DrainMs:N0} ms");
        HtmlPage.Row(html, "Errors / unacknowledged batches", $"{r.Errors} / {r.UnacknowledgedBatches}");
        HtmlPage.Row(html, "Counters equal to ground truth", r.Mismatches == 0 ? "yes, every video" : $"NO: {r.Mismatches} videos differ");
        html.Append("</table><h2>Throughput (events/s)</h2>")
            .Append(ReportChart.Lines([.. r.Seconds.Select(s => (double)s.Second)], [("events/s", "#2563eb", [.. r.Seconds.Select(s => (double)s.Events)])], "s", ViralPhase(r.Seconds)))
            .Append("<h2>Acknowledgement latency (ms)</h2>")
            .Append(ReportChart.Lines([.. r.Seconds.Select(s => (double)s.Second)], [("p50", "#16a34a", [.. r.Seconds.Select(s => s.AckP50Ms)]), ("p99", "#dc2626", [.. r.Seconds.Select(s => s.AckP99Ms)])], "s", ViralPhase(r.Seconds)))
            .Append("<h2>Freshness (ms from acknowledgement to visible)</h2>")
            .Append(FreshnessChart(r))
            .Append("<p>Shaded: the viral phase.</p></html>");
        return html.ToString();
    }

    /// <summary>One line per freshness figure over the run (each probe's time from acknowledgement to visible).</summary>
    private static string FreshnessChart(LoadResult r)
    {
        string[] colours = ["#9333ea", "#2563eb", "#16a34a", "#ea580c"];
        var figures = r.FreshnessSamples.GroupBy(s => s.Figure).ToList();
        var probes = figures.Count == 0 ? 0 : figures.Min(f => f.Count());
        var x = figures.Count == 0 ? [] : figures[0].Take(probes).Select(s => s.AtSecond).ToArray();
        return ReportChart.Lines(x, [.. figures.Select((f, i) => (f.Key, colours[i % colours.Length], f.Take(probes).Select(s => s.Milliseconds).ToArray()))], "s", ViralPhase(r.Seconds));
    }

    /// <summary>The viral phase as an x range, for shading.</summary>
    private static (double From, double To)? ViralPhase(IReadOnlyList<SecondSample> seconds) =>
        seconds.Where(s => s.Viral).ToList() is { Count: > 0 } viral ? (viral[0].Second - 1, viral[^1].Second) : null;
}
