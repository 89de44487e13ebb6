using Spotlight.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spotlight.Tests.Cluster.Processes.Failover;

/// <summary>Silo processes that a test adds and stops while a workload runs, with the changes it made and
/// when (on the workload's clock).</summary>
public sealed class ChangingCluster(string database, ITestOutputHelper output) : IAsyncDisposable
{
    private static readonly TimeSpan ChangeTimeout = TimeSpan.FromSeconds(90);
    private readonly List<HostProcess> _processes = [];
    private readonly List<HostProcess> _everStarted = [];
    private readonly List<SiloProcesses.RunningSilo> _initial = [];
    private int _silos;

    public EngagementWorkload Workload { get; set; } = null!;

    public Task Sending { get; set; } = Task.CompletedTask;

    public List<ClusterChange> Changes { get; } = [];

    public IReadOnlyList<SiloProcesses.RunningSilo> InitialSilos => _initial;

    public IReadOnlyList<HostProcess> Processes => _processes;

    public SiloProcesses.RunningSilo StartSilo()
    {
        var name = ClusterRun.SiloName(++_silos);
        var silo = SiloProcesses.StartPostgresSilo(ClusterRun.WithApplicationName(database, name), name);
        _processes.Add(silo.Process);
        _everStarted.Add(silo.Process);
        if (Workload is null)
        {
            _initial.Add(silo);
        }

        return silo;
    }

    public void Track(IEnumerable<HostProcess> processes)
    {
        var list = processes.ToList();
        _processes.AddRange(list);
        _everStarted.AddRange(list);
    }

    public async Task StopGracefullyAsync(SiloProcesses.RunningSilo silo)
    {
        silo.Process.Terminate();
        var exitCode = await silo.Process.WaitForExitAsync(ChangeTimeout);
        Assert.True(exitCode == 0, $"{silo.Process.Name} exited with {exitCode} after SIGTERM:\n{silo.Process.Output}");
        _processes.Remove(silo.Process);
    }

    /// <summary>Kills the silo (SIGKILL, as a node failure would) and stops expecting it to run.</summary>
    public async Task KillAsync(SiloProcesses.RunningSilo silo)
    {
        silo.Process.Kill();
        await silo.Process.WaitForExitAsync(ChangeTimeout);
        _processes.Remove(silo.Process);
    }

    public Task WaitForActiveAsync(int count, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(async () =>
            {
                ClusterRun.ThrowIfAnyExited(_processes);
                var rows = await MembershipRows.ReadAsync(database, Postgres.PostgresSilos.ClusterId);
                return rows.Count(r => r.Status == MembershipRows.Active) == count;
            },
            timeout ?? ChangeTimeout,
            $"{count} silos Active in the membership table");

    public Task WaitForAcknowledgedAsync(int count) =>
        Eventually.UntilAsync(() =>
            {
                if (Sending.IsCompleted)
                {
                    throw new InvalidOperationException($"Sending ended before {count} batches were acknowledged: {Sending.Exception}");
                }

                return Workload.Acknowledged >= count;
            },
            ChangeTimeout,
            $"{count} acknowledged batches");

    /// <summary>Runs one change and records when it began and how long it took.</summary>
    public async Task<T> ChangeAsync<T>(string name, Func<Task<T>> change)
    {
        var startedAt = Workload.Elapsed;
        var result = await change();
        Changes.Add(new ClusterChange(name, startedAt, Workload.Elapsed - startedAt));
        output.WriteLine($"{name}: from {startedAt.TotalSeconds:0.0} s, took {(Workload.Elapsed - startedAt).TotalSeconds:0.0} s");
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _everStarted)
        {
            await process.DisposeAsync();
        }
    }
}

public sealed record ClusterChange(string Name, TimeSpan StartedAt, TimeSpan Took);
