using Npgsql;
using Spotlight.Tests.Cluster.Postgres;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Processes.Failover;

/// <summary>Steps the process-level cluster tests share: silo names, what "exact" means after a run, and
/// the checks that a run's processes and checkpoints are healthy.</summary>
public static class ClusterRun
{
    public static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(2);

    public static async Task AssertExactAsync(EngagementWorkload workload, Uri api, IReadOnlyList<HostProcess> processes)
    {
        IReadOnlyList<string> differences = ["not read yet"];
        try
        {
            await Eventually.UntilAsync(async () => (differences = await workload.DifferencesAsync(api)).Count == 0,
                RecoveryTimeout, "every video counter, track popularity and the title's analytics to equal the ground truth", poll: TimeSpan.FromMilliseconds(500));
        }
        catch (TimeoutException ex)
        {
            var outputs = string.Join("\n", processes.Select(p => $"--- {p.Name} ---\n{Tail(p.Output)}"));
            throw new TimeoutException($"{ex.Message} Retries: {workload.Retries}. Differences: {string.Join("; ", differences.Take(10))}\n{outputs}", ex);
        }
    }

    /// <summary>The survivors took over the dead silo's partitions and applied every partition to its head.</summary>
    public static Task AssertCheckpointsCaughtUpAsync(string database) =>
        Eventually.UntilAsync(async () =>
            {
                await using var connection = new NpgsqlConnection(database);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("""
                    SELECT count(*) FROM engagement_log_head h JOIN engagement_checkpoint c ON c.partition = h.partition
                     WHERE c.applied_offset < h.next_offset - 1
                    """, connection);
                return (long)(await command.ExecuteScalarAsync())! == 0;
            },
            RecoveryTimeout,
            "every partition's applied position to reach its last offset");

    public static string SiloName(int i) => $"spotlight-silo-{i}";

    /// <summary>Waits until <paramref name="silos"/> silo processes are Active in the membership table and
    /// every API answers ready; fails at once if any process exits.</summary>
    public static async Task WaitUntilUpAsync(string database, int silos, IReadOnlyList<HostProcess> processes, IEnumerable<ApiProcesses.RunningApi> apis, TimeSpan timeout)
    {
        await Eventually.UntilAsync(async () =>
            {
                ThrowIfAnyExited(processes);
                var rows = await MembershipRows.ReadAsync(database, PostgresSilos.ClusterId);
                return rows.Count(r => r.Status == MembershipRows.Active) == silos;
            },
            timeout,
            $"{silos} silo processes Active in the membership table");
        await Task.WhenAll(apis.Select(a => ApiProcesses.WaitUntilReadyAsync(a, timeout)));
    }

    public static string WithApplicationName(string connectionString, string name) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = name }.ConnectionString;

    public static void ThrowIfAnyExited(IEnumerable<HostProcess> processes)
    {
        foreach (var process in processes.Where(p => p.HasExited))
        {
            throw new InvalidOperationException($"{process.Name} exited with {process.ExitCode}:\n{process.Output}");
        }
    }

    private static string Tail(string output) => output.Length <= 3000 ? output : output[^3000..];
}
