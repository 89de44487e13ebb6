using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Spotlight.LoadTest;

/// <summary>Writes the run as JSON and as one self-contained HTML page with SVG charts (no scripts, no CDN).</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static (string JsonPath, string HtmlPath) Write(LoadResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"loadtest-{result.RunId}");
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(result, Json));
        File.WriteAllText(stem + ".html", Html(result));
        return (stem + ".json", stem + ".html");
    }

    private static string Html(LoadResult r)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Spotlight load test ").Append(r.RunId).Append("</title>")
            .Append("<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse}td,th{padding:.25rem .75rem;border-bottom:1px solid #ddd;text-align:left}svg{background:#fafafa;border:1px solid #ddd;margin:.5rem 0 1.5rem}</style>")
            .Append("<h1>Spotlight load test</h1><table>");
        Row(html, "Run", r.RunId);
        Row(html, "Target", r.Options.Target.ToString());
        Row(html, "Shape", $"{r.Options.Videos:N0} videos, {r.Options.Tracks:N0} tracks, Zipf s={r.Options.ZipfExponent}, {r.Options.BatchSize}-event batches, {r.Options.Senders} senders, {r.Options.DurationSeconds} s; viral: {r.Options.ViralShare:P0} of events to one video from {r.Options.ViralStartSeconds} s for {r.Options.ViralDurationSeconds} s");
        Row(html, "Events acknowledged", $"{r.TotalEvents:N0} ({r.EventsPerSecond:N0}/s; uniform phase {r.UniformEventsPerSecond:N0}/s, viral phase {r.ViralEventsPerSecond:N0}/s)");
        Row(html, "Ack latency", $"p50 {r.AckP50Ms:N1} ms, p99 {r.AckP99Ms:N1} ms, max {r.AckMaxMs:N1} ms");
        Row(html, "Freshness", $"p50 {r.FreshnessP50Ms:N1} ms, p99 {r.FreshnessP99Ms:N1} ms ({r.Freshness.Count} probes)");
        Row(html, "Title analytics freshness", $"p50 {r.AnalyticsFreshnessP50Ms:N1} ms, p99 {r.AnalyticsFreshnessP99Ms:N1} ms");
        Row(html, "Errors / unacknowledged batches", $"{r.Errors} / {r.UnacknowledgedBatches}");
        Row(html, "Counters equal to ground truth", r.Mismatches == 0 ? "yes, every video" : $"NO: {r.Mismatches} videos differ");
        html.Append("</table><h2>Throughput (events/s)</h2>")
            .Append(Chart([.. r.Seconds.Select(s => (double)s.Second)], [("events/s", "#2563eb", [.. r.Seconds.Select(s => (double)s.Events)])], r.Seconds))
            .Append("<h2>Acknowledgement latency (ms)</h2>")
            .Append(Chart([.. r.Seconds.Select(s => (double)s.Second)], [("p50", "#16a34a", [.. r.Seconds.Select(s => s.AckP50Ms)]), ("p99", "#dc2626", [.. r.Seconds.Select(s => s.AckP99Ms)])], r.Seconds))
            .Append("<h2>Freshness (ms from acknowledgement to visible)</h2>")
            .Append(Chart([.. r.Freshness.Select(f => f.AtSecond)], [("freshness", "#9333ea", [.. r.Freshness.Select(f => f.Milliseconds)])], r.Seconds))
            .Append("<p>Shaded: the viral phase.</p></html>");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(WebUtility.HtmlEncode(name)).Append("</th><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");

    private static string Chart(double[] xs, (string Name, string Color, double[] Ys)[] series, IReadOnlyList<SecondSample> seconds)
    {
        const double Width = 900, Height = 260, Left = 60, Bottom = 30, Top = 10;
        var maxX = Math.Max(1, xs.DefaultIfEmpty(1).Max());
        var maxY = Math.Max(1, series.SelectMany(s => s.Ys).DefaultIfEmpty(1).Max());
        string X(double x) => (Left + (x / maxX * (Width - Left - 10))).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(double y) => (Top + ((1 - (y / maxY)) * (Height - Top - Bottom))).ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder($"<svg width=\"{Width}\" height=\"{Height}\" role=\"img\">");
        var viral = seconds.Where(s => s.Viral).ToList();
        if (viral.Count > 0)
        {
            svg.Append($"<rect x=\"{X(viral[0].Second - 1)}\" y=\"{Top}\" width=\"{(viral.Count / maxX * (Width - Left - 10)).ToString("0.#", CultureInfo.InvariantCulture)}\" height=\"{Height - Top - Bottom}\" fill=\"#fde68a\" opacity=\".5\"/>");
        }

        svg.Append($"<text x=\"4\" y=\"{Top + 10}\" font-size=\"11\">{maxY.ToString("N0", CultureInfo.InvariantCulture)}</text><text x=\"4\" y=\"{Height - Bottom}\" font-size=\"11\">0</text>");
        svg.Append($"<text x=\"{Width - 60}\" y=\"{Height - 8}\" font-size=\"11\">{maxX.ToString("N0", CultureInfo.InvariantCulture)} s</text>");
        for (var i = 0; i < series.Length; i++)
        {
            var (name, color, ys) = series[i];
            var points = string.Join(' ', xs.Zip(ys).Select(p => $"{X(p.First)},{Y(p.Second)}"));
            svg.Append($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"{points}\"/>");
            svg.Append($"<text x=\"{Left + 10 + (i * 90)}\" y=\"{Height - 8}\" font-size=\"12\" fill=\"{color}\">{WebUtility.HtmlEncode(name)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }
}
