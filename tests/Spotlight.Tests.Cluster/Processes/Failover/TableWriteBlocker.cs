using Npgsql;

namespace Spotlight.Tests.Cluster.Processes.Failover;

/// <summary>
/// Holds an exclusive lock on one table, so that every write to it waits inside PostgreSQL. That makes "a
/// silo dies while its transaction is at this write" a moment a test can choose: kill the silo whose write
/// is seen waiting, then let go (the dead silo's transaction never commits: its COMMIT is never sent).
/// </summary>
public sealed class TableWriteBlocker : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _table;
    private NpgsqlTransaction? _transaction;

    private TableWriteBlocker(NpgsqlConnection connection, string table) => (_connection, _table) = (connection, table);

    public static async Task<TableWriteBlocker> LockAsync(string connectionString, string table)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var blocker = new TableWriteBlocker(connection, table) { _transaction = await connection.BeginTransactionAsync() };
        await using var command = new NpgsqlCommand($"LOCK TABLE {table} IN EXCLUSIVE MODE", connection, blocker._transaction);
        await command.ExecuteNonQueryAsync();
        return blocker;
    }

    /// <summary>Application names of the connections whose statement on the table waits on this lock.</summary>
    public async Task<IReadOnlyList<string>> WaitingWritersAsync()
    {
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT application_name FROM pg_stat_activity
             WHERE wait_event_type = 'Lock' AND query ILIKE '%' || @table || '%' AND pid <> pg_backend_pid()
            """, _connection, _transaction);
        command.Parameters.AddWithValue("table", _table);
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
