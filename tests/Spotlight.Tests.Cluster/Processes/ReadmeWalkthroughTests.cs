using System.Diagnostics;
using System.Text.RegularExpressions;
using Spotlight.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spotlight.Tests.Cluster.Processes;

/// <summary>
/// The README's walkthrough, run exactly as written (its one bash block, with <c>API</c> pointing at a fresh
/// system started as the README's first command starts it): every call must succeed (<c>curl -f</c>, bash
/// with errexit), and what it prints must show the track ranked, the video linked to the title and the
/// title's analytics.
/// </summary>
public partial class ReadmeWalkthroughTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheReadmeWalkthrough_RunsAsWritten()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, "README.md"));
        var section = readme[readme.IndexOf("## Walkthrough", StringComparison.Ordinal)..];
        var script = BashBlock().Match(section).Groups[1].Value;

        var api = ApiProcesses.StartEmbeddedApi("walkthrough api");
        await using var process = api.Process;
        await ApiProcesses.WaitUntilReadyAsync(api, TimeSpan.FromSeconds(90));
        var (exitCode, printed) = await RunBashAsync(script, api.BaseAddress);
        output.WriteLine(printed);

        Assert.True(exitCode == 0, $"The walkthrough failed ({exitCode}):\n{printed}");
        Assert.Contains("\"artistName\":\"Aiko\"", printed, StringComparison.Ordinal);
        Assert.Matches("\"popularity\":[1-9]", printed);
        Assert.Contains("\"relatedVideos\":[{\"videoId\":\"video-1\"", printed, StringComparison.Ordinal);
        Assert.Contains("\"totals\":{\"matching\":{\"views\":40,\"likes\":6,\"comments\":0,\"shares\":2}", printed, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunBashAsync(string script, Uri api)
    {
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["API"] = api.ToString().TrimEnd('/') },
        };
        using var bash = Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await bash.WaitForExitAsync(timeout.Token);
        return (bash.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex("```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
