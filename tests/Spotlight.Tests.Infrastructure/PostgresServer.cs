using System.Diagnostics;
using Npgsql;

namespace Spotlight.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL server for tests: initdb + pg_ctl from the installed server binaries, on a free
/// loopback port, in a temporary folder (as the `postgres` user when running as root, since initdb
/// refuses root). When SPOTLIGHT_TEST_POSTGRES holds a connection string, that server is used instead.
/// Each test takes a fresh database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ConnectionStringVariable = "SPOTLIGHT_TEST_POSTGRES";
    private const string InstallHint = "Install the PostgreSQL server (Debian: apt-get install postgresql), or set " +
        ConnectionStringVariable + " to the connection string of a server the tests may create databases on.";

    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;
    private readonly string? _serverOptions;

    private PostgresServer(string adminConnectionString, string? dataDirectory, string? binDirectory, string? serverOptions)
    {
        AdminConnectionString = adminConnectionString;
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        _serverOptions = serverOptions;
    }

    /// <summary>Connection string of the maintenance database, for creating test databases.</summary>
    public string AdminConnectionString { get; }

    public static Task<PostgresServer> StartAsync() =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } given
            ? Task.FromResult(new PostgresServer(given, null, null, null))
            : StartPrivateAsync(durableCommits: false);

    /// <summary>
    /// Always a private server, even when <see cref="ConnectionStringVariable"/> is set: for tests that stop
    /// and start the server itself. With <paramref name="durableCommits"/> a commit returns only once its WAL
    /// is written (synchronous_commit on), so an immediate stop loses nothing that was acknowledged; fsync
    /// stays off, as the operating system itself does not crash.
    /// </summary>
    public static async Task<PostgresServer> StartPrivateAsync(bool durableCommits)
    {
        var bin = FindBinDirectory();
        var root = Directory.CreateTempSubdirectory("spotlight-pg-").FullName;
        var data = Path.Combine(root, "data");
        var port = FreePorts.Next();
        if (UnixSignals.RunningAsRoot)
        {
            // The server runs as `postgres`, which must own the folder.
            await RunAsync("chown", ["-R", "postgres:postgres", root], asPostgres: false);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], UnixSignals.RunningAsRoot);
        // fsync off: test data need not survive a power cut, and it makes the suite much faster.
        var serverOptions = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit={(durableCommits ? "on" : "off")} -c full_page_writes=off -c max_connections=300";
        var server = new PostgresServer(AdminConnectionStringFor(port), data, bin, serverOptions);
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Stops a private server the way a crash would (<c>pg_ctl stop -m immediate</c>: no checkpoint,
    /// every connection cut); <see cref="StartAgainAsync"/> brings it back with crash recovery.</summary>
    public async Task StopImmediatelyAsync()
    {
        var (data, bin) = Private();
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], UnixSignals.RunningAsRoot);
    }

    public Task StartAgainAsync() => StartServerAsync();

    /// <summary>Kills the postmaster with SIGKILL, as the out-of-memory killer would: no shutdown at all; its
    /// backends notice and exit. <see cref="StartAgainAsync"/> brings it back with crash recovery.</summary>
    public async Task KillPostmasterAsync()
    {
        var (data, _) = Private();
        var pid = int.Parse(File.ReadLines(Path.Combine(data, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        UnixSignals.Send(pid, UnixSignals.SigKill);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        // Gone, or a zombie (nobody may reap it in a container whose init does not).
        while (File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The postmaster ({pid}) was still running 30 s after SIGKILL.");
            }

            await Task.Delay(50);
        }
    }

    private Task StartServerAsync()
    {
        var (data, bin) = Private();
        return RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(Path.GetDirectoryName(data)!, "server.log"), "-o", _serverOptions!, "-w", "-t", "60", "start"], UnixSignals.RunningAsRoot);
    }

    private (string Data, string Bin) Private() =>
        _dataDirectory is not null && _binDirectory is not null ? (_dataDirectory, _binDirectory)
            : throw new InvalidOperationException("Only a private server (StartPrivateAsync) can be stopped and started by a test.");

    private static string AdminConnectionStringFor(int port) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = "postgres",
        Database = "postgres",
        Pooling = false,
    }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "spotlight_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataDirectory is null || _binDirectory is null)
        {
            return;
        }

        try
        {
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"], UnixSignals.RunningAsRoot);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(_dataDirectory)!, recursive: true);
        }
    }

    private static string FindBinDirectory()
    {
        var candidates = new List<string>();
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            // Debian keeps each major version's server binaries apart; take the newest.
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(dir), out var major) ? major : 0)
                .Select(dir => Path.Combine(dir, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries));
        return candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            ?? throw new InvalidOperationException("No PostgreSQL server binaries (initdb, pg_ctl) found. " + InstallHint);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser") : new ProcessStartInfo(program);
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}{await stdout}. {InstallHint}");
        }
    }
}
