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
Say($"Setting up a season, {options.Tracks:N0} cleared tracks ({Math.Min(options.Entries, options.Tracks):N0} entered) and {options.Videos + 1:N0} videos on {options.Target} (run {runId})…");
var seasonId = await LoadSeason.CreateAsync(api, runId, options.DurationSeconds);
// The probes' title first: the projectors learn of new titles within seconds, and the first probe must not race that.
await api.SetUpProbesAsync(runId, LoadRun.EligibleProbeVideos, LoadRun.DrainVideos);
var catalogue = await api.SetUpAsync(runId, options.Videos + 1, options.Tracks, Say, seasonId, options.Entries);
if (options.AlertTitles > 0)
{
    await api.SetUpAlertsAsync(runId, options.AlertTitles, options.AlertRules);
    Say($"{options.AlertRules} trend alerts on {options.AlertTitles} titles that the hot title's videos match.");
}
Say($"Set up in {setup.Elapsed.TotalSeconds:N0} s. Sending for {options.DurationSeconds} s{(options.Rate > 0 ? $" at {options.Rate:N0} events/s" : "")}…");

using var clients = await LoadClients.CreateAsync(api, runId);
var result = await new LoadRun(options, clients, runId, catalogue, seasonId).ExecuteAsync(Say);
var (json, html) = Report.Write(result, options.Output);

Say($"events: {result.TotalEvents:N0} acknowledged, {result.EventsPerSecond:N0}/s (uniform {result.UniformEventsPerSecond:N0}/s, viral {result.ViralEventsPerSecond:N0}/s)");
Say($"ack latency: p50 {result.AckP50Ms:N1} ms, p99 {result.AckP99Ms:N1} ms, max {result.AckMaxMs:N1} ms");
foreach (var figure in result.Freshness)
{
    Say($"freshness, {figure.Name}: p50 {figure.P50Ms:N1} ms, p99 {figure.P99Ms:N1} ms ({figure.Probes} probes)");
}

Say($"applied to the end {result.DrainMs:N0} ms after the last acknowledgement (backlog ≤ {result.BacklogSecondsOfTraffic:N2} s of traffic)");
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
