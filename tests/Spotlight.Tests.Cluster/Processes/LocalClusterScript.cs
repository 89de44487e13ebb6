using System.Diagnostics;
using System.Globalization;
using System.Text;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Processes;

/// <summary><c>silo/local-cluster.sh</c> as a person runs it, its output captured for assertions and for
/// diagnosing failures. It runs the assemblies this test run built (<c>--no-build</c>).</summary>
public sealed class LocalClusterScript : IAsyncDisposable
{
    public const string ReadyLine = "Press Ctrl-C to stop everything.";

    /// <summary>A stop the test did not ask for (a failed test): the script's own deadlines stop everything
    /// within about four minutes.</summary>
    private static readonly TimeSpan CleanUpTimeout = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();

    private LocalClusterScript(Process process) => _process = process;

    public static string Path => System.IO.Path.Combine(RepositoryLayout.Root, "silo", "local-cluster.sh");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return _output.ToString();
            }
        }
    }

    public static LocalClusterScript Start(int apiPort, TimeSpan startTimeout)
    {
        // Run as the file itself (not `bash file`), so that its shebang and executable bit are tested too.
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryLayout.Root,
        };
        foreach (var argument in new[]
                 {
                     "--no-build", "--configuration", RepositoryLayout.Configuration,
                     "--api-port", apiPort.ToString(CultureInfo.InvariantCulture),
                     "--start-timeout", ((int)startTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var script = new LocalClusterScript(process);
        process.OutputDataReceived += (_, e) => script.Append(e.Data);
        process.ErrorDataReceived += (_, e) => script.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return script;
    }

    /// <summary>Waits for the script to say the cluster is ready and returns what it printed; fails with the
    /// script's output (which says what to install when PostgreSQL is missing) when it exits first.</summary>
    public async Task<LocalClusterSummary> WaitUntilReadyAsync(TimeSpan timeout)
    {
        await Eventually.UntilAsync(() => HasExited || Output.Contains(ReadyLine, StringComparison.Ordinal),
            timeout, "local-cluster.sh to print that the cluster is ready");
        if (HasExited)
        {
            // The exit event can come before the last lines of output; WaitForExit without a timeout waits for them.
            await _process.WaitForExitAsync();
            throw new InvalidOperationException($"local-cluster.sh exited with {ExitCode} before the cluster was ready:\n{Output}");
        }

        return LocalClusterSummary.Parse(Output);
    }

    /// <summary>SIGINT to the script alone, as Ctrl-C in its terminal would reach it.</summary>
    public void Interrupt() => UnixSignals.Send(_process.Id, UnixSignals.SigInt);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"local-cluster.sh did not exit within {timeout.TotalSeconds:0} s. Output:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>After a failure: SIGTERM, so the script stops what it started (PostgreSQL is not its child, so
    /// killing the process tree would leave the server running); a kill only when it does not exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            UnixSignals.Send(_process.Id, UnixSignals.SigTerm);
            using var cancellation = new CancellationTokenSource(CleanUpTimeout);
            try
            {
                await _process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.AppendLine(line);
        }
    }
}
