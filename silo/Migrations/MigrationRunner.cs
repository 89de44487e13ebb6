using Microsoft.Extensions.Logging;
using Npgsql;

namespace Spotlight.Silo.Migrations;

/// <summary>
/// Applies pending migrations to PostgreSQL. A session advisory lock makes concurrent runners (several
/// silos starting at once) queue up, so each version is applied exactly once; each migration and its
/// version row commit in one transaction, so a failed script leaves nothing behind.
/// </summary>
public sealed class MigrationRunner(string connectionString, ILogger<MigrationRunner> logger)
{
    /// <summary>Arbitrary, fixed key of the advisory lock that serialises migration runs.</summary>
    public const long AdvisoryLockKey = 0x53504F544C495445; // "SPOTLITE"

    public const string VersionTable = "spotlight_schema_version";

    public async Task<MigrationReport> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", AdvisoryLockKey));
        try
        {
            await ExecuteAsync(connection, $"""
                CREATE TABLE IF NOT EXISTS {VersionTable} (
                    version     integer     PRIMARY KEY,
                    name        text        NOT NULL,
                    checksum    text        NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);

            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var newlyApplied = new List<int>();
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {migration.Version} ({migration.Name}) was edited after it was applied; add a new migration instead.");
                    }

                    continue;
                }

                await ApplyOneAsync(connection, migration, cancellationToken);
                newlyApplied.Add(migration.Version);
            }

            return new MigrationReport(newlyApplied, applied.Count + newlyApplied.Count);
        }
        finally
        {
            // Closing the connection would release the lock too; unlocking explicitly keeps pooled sessions clean.
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", AdvisoryLockKey));
        }
    }

    private async Task ApplyOneAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        logger.LogInformation("Applying migration {Version} {Name}", migration.Version, migration.Name);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            await script.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = new NpgsqlCommand(
            $"INSERT INTO {VersionTable} (version, name, checksum) VALUES (@version, @name, @checksum)", connection, transaction))
        {
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            record.Parameters.AddWithValue("checksum", migration.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand($"SELECT version, checksum FROM {VersionTable}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
