using System.Diagnostics;
using Spectre.Console;
using Spotlight.LoadTest;
using Spotlight.LoadTest.Soak;

LoadTestOptions options;
try
{
    options = LoadTestOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException)
{
    AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
    return 2;
}

var runId = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
void Say(string line) => AnsiConsole.MarkupLine(Markup.Escape(line));
if (options.Mode == "soak")
{
    var soak = await SoakRun.RunAsync(options, runId, Say);
    var (soakJson, soakHtml) = SoakReport.Write(soak, options.Output);
    foreach (var (name, value) in SoakReport.Figures(soak))
    {
        Say($"{name}: {value}");
    }

    foreach (var example in soak.ErrorExamples.Concat(soak.MismatchExamples))
    {
        Say("  " + example);
    }

    Say($"report: {soakHtml} (data: {soakJson})");
    AnsiConsole.MarkupLine(soak.Passed ? "[green]Soak passed.[/]" : "[red]SOAK FAILED.[/]");
    return soak.Passed ? 0 : 1;
}

using var http = new HttpClient { BaseAddress = options.Target, Timeout = TimeSpan.FromSeconds(30) };
var api = new SpotlightClient(http);

var setup = Stopwatch.StartNew();
Say($"Setting up {options.Tracks:N0} cleared tracks and {options.Videos + 1:N0} videos on {options.Target} (run {runId})…");
await api.SetUpAsync(runId, options.Videos + 1, options.Tracks, Say);
Say($"Set up in {setup.Elapsed.TotalSeconds:N0} s. Sending for {options.DurationSeconds} s…");

using var ingest = await api.ForAsync($"lt-ingest-{runId}", "ingest");
using var reader = new HttpClient { BaseAddress = options.Target, Timeout = TimeSpan.FromSeconds(30) };
using var admin = await api.ForAsync($"lt-admin-{runId}", "admin");
var result = await new LoadRun(options, ingest, reader, admin, runId).ExecuteAsync(Say);
var (json, html) = Report.Write(result, options.Output);

Say($"events: {result.TotalEvents:N0} acknowledged, {result.EventsPerSecond:N0}/s (uniform {result.UniformEventsPerSecond:N0}/s, viral {result.ViralEventsPerSecond:N0}/s)");
Say($"ack latency: p50 {result.AckP50Ms:N1} ms, p99 {result.AckP99Ms:N1} ms; freshness: p50 {result.FreshnessP50Ms:N1} ms, p99 {result.FreshnessP99Ms:N1} ms");
Say($"title analytics freshness: p50 {result.AnalyticsFreshnessP50Ms:N1} ms, p99 {result.AnalyticsFreshnessP99Ms:N1} ms");
Say($"errors: {result.Errors}, unacknowledged batches: {result.UnacknowledgedBatches}; report: {html} (data: {json})");
if (result.Mismatches > 0 || result.UnacknowledgedBatches > 0)
{
    AnsiConsole.MarkupLine($"[red]GROUND TRUTH CHECK FAILED: {result.Mismatches} videos or titles differ from what was acknowledged.[/]");
    foreach (var example in result.MismatchExamples)
    {
        Say("  " + example);
    }

    return 1;
}

AnsiConsole.MarkupLine("[green]Every video's counters and the hot title's analytics equal what was acknowledged.[/]");
return 0;
