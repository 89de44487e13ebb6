using Spectre.Console;

// Skeleton: the viral-spike scenarios arrive with the engagement pipeline. Only loopback targets are
// allowed, so that a mistyped URL can never send load anywhere else.
var target = args.Length > 0 ? args[0] : "http://127.0.0.1:5000";
if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || !uri.IsLoopback)
{
    AnsiConsole.MarkupLine("[red]The load test only targets loopback addresses (127.0.0.1, localhost, [[::1]]).[/]");
    return 2;
}

using var http = new HttpClient { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(10) };
try
{
    var ready = await http.GetAsync("/readyz");
    AnsiConsole.MarkupLine($"{Markup.Escape(uri.ToString())}readyz → [bold]{(int)ready.StatusCode}[/]. No scenarios yet.");
    return ready.IsSuccessStatusCode ? 0 : 1;
}
catch (HttpRequestException ex)
{
    AnsiConsole.MarkupLine($"[red]{Markup.Escape(uri.ToString())} did not answer: {Markup.Escape(ex.Message)}[/]");
    return 1;
}
