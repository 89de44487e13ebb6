using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Spotlight.ClientApi.Audit;

/// <summary>The trail in postgres mode: the <c>audit_trail</c> table (migration 0008), which refuses updates
/// and deletes. Every API process appends to it and reads it, so the trail is one for the deployment.</summary>
public sealed class PostgresAuditTrail(NpgsqlDataSource db) : IAuditTrail
{
    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO audit_trail (at, actor, action, entity_kind, entity_id, reason, details)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """);
        command.Parameters.Add(new() { Value = record.At.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = record.Actor });
        command.Parameters.Add(new() { Value = record.Action });
        command.Parameters.Add(new() { Value = record.EntityKind });
        command.Parameters.Add(new() { Value = record.EntityId });
        command.Parameters.Add(new() { Value = (object?)record.Reason ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = record.Details.GetRawText(), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        // Each filter is optional; the indexes by entity and by actor serve either one.
        await using var command = db.CreateCommand("""
            SELECT sequence, at, actor, action, entity_kind, entity_id, reason, details::text
              FROM audit_trail
             WHERE ($1::text IS NULL OR entity_id = $1)
               AND ($2::text IS NULL OR actor = $2)
               AND ($3::bigint IS NULL OR sequence < $3)
             ORDER BY sequence DESC
             LIMIT $4
            """);
        command.Parameters.Add(new() { Value = (object?)query.EntityId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)query.Actor ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)query.Before ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = query.Limit + 1 });
        var records = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new AuditRecord(
                reader.GetInt64(0),
                new DateTimeOffset(reader.GetFieldValue<DateTime>(1), TimeSpan.Zero),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                JsonDocument.Parse(reader.GetString(7)).RootElement.Clone()));
        }

        return AuditPages.Of(records, query.Limit);
    }
}
