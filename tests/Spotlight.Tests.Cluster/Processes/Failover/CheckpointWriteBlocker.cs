using Npgsql;

namespace Spotlight.Tests.Cluster.Processes.Failover;

/// <summary>
/// Holds an exclusive lock on the checkpoint table, so that every silo's checkpoint write waits inside
/// PostgreSQL. That makes "a silo dies while it is writing a checkpoint" a moment a test can choose:
/// kill the silo whose write is seen waiting, then let go (the dead silo's transaction is aborted).
/// </summary>
public sealed class CheckpointWriteBlocker : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private NpgsqlTransaction? _transaction;

    private CheckpointWriteBlocker(NpgsqlConnection connection) => _connection = connection;

    public static async Task<CheckpointWriteBlocker> LockAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var blocker = new CheckpointWriteBlocker(connection) { _transaction = await connection.BeginTransactionAsync() };
        await using var command = new NpgsqlCommand("LOCK TABLE engagement_checkpoint IN EXCLUSIVE MODE", connection, blocker._transaction);
        await command.ExecuteNonQueryAsync();
        return blocker;
    }

    /// <summary>Application names of the connections whose checkpoint write is waiting on this lock.</summary>
    public async Task<IReadOnlyList<string>> WaitingWritersAsync()
    {
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT application_name FROM pg_stat_activity
             WHERE wait_event_type = 'Lock' AND query ILIKE '%engagement_checkpoint%' AND pid <> pg_backend_pid()
            """, _connection, _transaction);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public async Task ReleaseAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await _connection.DisposeAsync();
    }
}
