using System.ComponentModel;
using System.Diagnostics;

namespace Spotlight.Tests.Api;

/// <summary>Runs a command-line tool the tests use (npx, dotnet tools) to its end, bounded in time; a tool
/// that is not installed fails the test with <paramref name="installHint"/>, never skips it.</summary>
public static class ExternalTool
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string file, IEnumerable<string> arguments, string installHint, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{file} could not be started: {installHint} ({e.Message})", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within 5 minutes.");
            }

            return (process.ExitCode, await output, await errors);
        }
    }
}
