using System.Globalization;
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

    private readonly HostProcess _host;

    private LocalClusterScript(HostProcess host) => _host = host;

    public static string Path => System.IO.Path.Combine(RepositoryLayout.Root, "silo", "local-cluster.sh");

    public int Id => _host.Id;

    public bool HasExited => _host.HasExited;

    public int ExitCode => _host.ExitCode;

    public string Output => _host.Output;

    /// <summary>Runs the file itself (not <c>bash file</c>), so that its shebang and executable bit are tested too.</summary>
    public static LocalClusterScript Start(int apiPort, TimeSpan startTimeout) =>
        new(HostProcess.StartExecutable(
            Path,
            [
                "--no-build", "--configuration", RepositoryLayout.Configuration,
                "--api-port", apiPort.ToString(CultureInfo.InvariantCulture),
                "--start-timeout", ((int)startTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ],
            RepositoryLayout.Root,
            new Dictionary<string, string>(),
            "local-cluster.sh"));

    /// <summary>Waits for the script to say the cluster is ready and returns what it printed; fails with the
    /// script's output (which says what to install when PostgreSQL is missing) when it exits first.</summary>
    public async Task<LocalClusterSummary> WaitUntilReadyAsync(TimeSpan timeout)
    {
        await Eventually.UntilAsync(() => HasExited || Output.Contains(ReadyLine, StringComparison.Ordinal),
            timeout, "local-cluster.sh to print that the cluster is ready");
        if (HasExited)
        {
            // The exit event can come before the last lines of output; WaitForExit without a timeout waits for them.
            await _host.WaitForExitAsync(CleanUpTimeout);
            throw new InvalidOperationException($"local-cluster.sh exited with {ExitCode} before the cluster was ready:\n{Output}");
        }

        return LocalClusterSummary.Parse(Output);
    }

    /// <summary>SIGINT to the script alone, as Ctrl-C in its terminal would reach it.</summary>
    public void Interrupt() => _host.Interrupt();

    public Task<int> WaitForExitAsync(TimeSpan timeout) => _host.WaitForExitAsync(timeout);

    /// <summary>After a failure: SIGTERM, so the script stops what it started (PostgreSQL is not its child, so
    /// killing the process tree would leave the server running); a kill only when it does not exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_host.HasExited)
        {
            _host.Terminate();
            try
            {
                await _host.WaitForExitAsync(CleanUpTimeout);
            }
            catch (TimeoutException)
            {
                // Disposing the host kills what is left.
            }
        }

        await _host.DisposeAsync();
    }
}
