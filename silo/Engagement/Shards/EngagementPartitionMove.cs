using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Spotlight.Domain;
using Spotlight.Grains.Engagement;

namespace Spotlight.Silo.Engagement.Shards;

/// <summary>What a move did: rows copied per table, and how long batches touching the partition were refused, from
/// marking it as moving to switching the map (silos follow within <see cref="EngagementShardMapCheck.RefreshInterval"/>).</summary>
public sealed record PartitionMoveReport(int Partition, string From, string To, IReadOnlyDictionary<string, long> Copied, TimeSpan Refused);

/// <summary>
/// Moves one log partition to another engagement shard while the cluster runs (docs/operations.md "Engagement
/// shards"), without losing or counting twice an event:
/// <list type="number">
/// <item>Mark it as moving in the main database's map and wait for every silo to have read that: silos refuse
/// batches touching it before writing any part of them (no batch is left half-accepted across two shards).</item>
/// <item>Fence: the partition's log head leaves the old shard (kept in <c>engagement_partition_moving</c>), so that
/// database refuses the partition's slices from then on; batches touching it get 503 and are sent again.</item>
/// <item>Drain: wait until the partition's projector has applied and announced everything the old shard holds.</item>
/// <item>Copy, in one transaction on the new shard: the head and checkpoint, every counter row of the partition,
/// the log entries whose video minutes are not written yet, every batch id claimed on the old shard within the
/// dedupe window (so a batch sent again is still recognised), and the followers, exclusions and alert rules.</item>
/// <item>Switch the recorded map; silos follow it within <see cref="EngagementShardMapCheck.RefreshInterval"/>.</item>
/// <item>Remove the partition's rows from the old shard.</item>
/// </list>
/// Every step can be run again: a move interrupted anywhere is finished by running it again.
/// </summary>
public sealed class EngagementPartitionMove(string mainConnectionString, IReadOnlyList<EngagementShardSetting> shards, EngagementOptions options, ILogger logger)
{
    /// <summary>Tables of counters keyed by partition (their <c>part</c> column).</summary>
    private static readonly string[] PartTables = ["engagement_track_bucket", "engagement_title_minute", "engagement_title_top", "engagement_alert_count"];

    /// <summary>Tables of counters keyed by video (the partition is the video's track's).</summary>
    private static readonly string[] VideoTables = ["engagement_video", "engagement_alert_video_count"];

    /// <summary>Registrations every shard keeps whole (each tells of its own commits), with their conflict keys.</summary>
    private static readonly (string Table, string Version)[] Replicated =
    [
        ("engagement_follower", "version"), ("engagement_follow", "version"), ("engagement_exclusion", "version"), ("engagement_alert_rule", "version"),
    ];

    public async Task<PartitionMoveReport> MoveAsync(int partition, string to, TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, options.Partitions);
        var target = shards.SingleOrDefault(s => s.Name == to)
            ?? throw new ArgumentException($"'{to}' is not in Spotlight:Postgres:EngagementShards ({string.Join(", ", shards.Select(s => s.Name))}).", nameof(to));

        Dictionary<int, string> map;
        await using (var main = new NpgsqlConnection(mainConnectionString))
        {
            await main.OpenAsync(cancellationToken);
            (map, _) = await EngagementShardMapCheck.ReadAsync(main, null, cancellationToken);
        }

        var fromName = map.TryGetValue(partition, out var recorded) ? recorded
            : throw new InvalidOperationException("No shard map is recorded yet: start a silo with this list first.");
        var copied = new Dictionary<string, long>();
        var refused = Stopwatch.StartNew();
        if (fromName != to)
        {
            var source = shards.SingleOrDefault(s => s.Name == fromName)
                ?? throw new InvalidOperationException($"Partition {partition} is on '{fromName}', which Spotlight:Postgres:EngagementShards does not list.");
            await using var from = new NpgsqlConnection(source.ConnectionString);
            await from.OpenAsync(cancellationToken);
            await using var into = new NpgsqlConnection(target.ConnectionString);
            await into.OpenAsync(cancellationToken);
            await RequireLaidOutAsync(into, to, cancellationToken);

            // Silos refuse batches touching a moving partition before writing any part; once every silo has read
            // that (two map refreshes), no batch can be half-accepted on the old shard and the new one.
            await SetMovingAsync(partition, true, cancellationToken);
            await Task.Delay(2 * EngagementShardMapCheck.RefreshInterval + TimeSpan.FromSeconds(1), cancellationToken);
            var nextOffset = await FenceAsync(from, partition, to, cancellationToken);
            if (await CopiedAlreadyAsync(into, partition, nextOffset, cancellationToken))
            {
                logger.LogInformation("Partition {Partition} was copied to {To} by an earlier run", partition, to);
            }
            else
            {
                logger.LogInformation("Partition {Partition} fenced on {From} at offset {Head}; waiting for it to drain", partition, fromName, nextOffset - 1);
                await DrainAsync(from, partition, nextOffset - 1, drainTimeout, cancellationToken);
                copied = await CopyAsync(from, into, target, partition, nextOffset, cancellationToken);
            }

            // Right away, so that reads that ask every shard see the partition's rows twice for as short a time as
            // two commits apart (until the old shard's rows are gone, such a read may count them twice). The fence
            // stays until the end, so that a run interrupted from here on is finished by running it again.
            await RemoveAsync(from, partition, cancellationToken, keepFence: true, marked: copied.Count > 0);

            await using var main = new NpgsqlConnection(mainConnectionString);
            await main.OpenAsync(cancellationToken);
            await using var switchMap = new NpgsqlCommand("UPDATE engagement_shard_map SET shard = @to, moving = false WHERE partition = @partition", main);
            switchMap.Parameters.AddWithValue("to", to);
            switchMap.Parameters.AddWithValue("partition", partition);
            await switchMap.ExecuteNonQueryAsync(cancellationToken);
            refused.Stop();
            logger.LogInformation("Partition {Partition} is on {To} now", partition, to);
        }

        // Once more after every silo has followed the map: a silo that still routed the partition to the old shard
        // may have written its held video minutes there meanwhile. (Also what a move run again finishes.)
        await Task.Delay(2 * EngagementShardMapCheck.RefreshInterval + TimeSpan.FromSeconds(1), cancellationToken);
        foreach (var other in shards.Where(s => s.Name != to))
        {
            await using var old = new NpgsqlConnection(other.ConnectionString);
            await old.OpenAsync(cancellationToken);
            await RemoveAsync(old, partition, cancellationToken);
            logger.LogInformation("Partition {Partition}'s rows are gone from {Shard}", partition, other.Name);
        }

        return new PartitionMoveReport(partition, fromName, to, copied, refused.Elapsed);
    }

    private async Task SetMovingAsync(int partition, bool moving, CancellationToken cancellationToken)
    {
        await using var main = new NpgsqlConnection(mainConnectionString);
        await main.OpenAsync(cancellationToken);
        await ExecuteAsync(main, null, "UPDATE engagement_shard_map SET moving = @moving WHERE partition = @p", ("moving", moving), ("p", partition));
    }

    /// <summary>Whether an earlier run copied the partition, fenced at the same head, to the new shard.</summary>
    private static async Task<bool> CopiedAlreadyAsync(NpgsqlConnection into, int partition, long nextOffset, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT next_offset FROM engagement_log_head WHERE partition = @p", into);
        command.Parameters.AddWithValue("p", partition);
        return await command.ExecuteScalarAsync(cancellationToken) is long next && next == nextOffset;
    }

    private static async Task RequireLaidOutAsync(NpgsqlConnection into, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT shard FROM engagement_layout", into);
        if (await command.ExecuteScalarAsync(cancellationToken) is not string shard || shard != name)
        {
            throw new InvalidOperationException($"The database of '{name}' is not laid out as that shard yet: start the silos with it in Spotlight:Postgres:EngagementShards first.");
        }
    }

    /// <summary>Takes the partition's head out of the old shard (it refuses the partition's slices from then on); a
    /// fence left by an interrupted move is kept. Answers the head's next offset.</summary>
    private static async Task<long> FenceAsync(NpgsqlConnection from, int partition, string to, CancellationToken cancellationToken)
    {
        await using var fence = new NpgsqlCommand("""
            WITH head AS (DELETE FROM engagement_log_head WHERE partition = @partition RETURNING next_offset)
            INSERT INTO engagement_partition_moving (partition, next_offset, moving_to)
            SELECT @partition, next_offset, @to FROM head
            ON CONFLICT (partition) DO NOTHING;
            SELECT next_offset FROM engagement_partition_moving WHERE partition = @partition;
            """, from);
        fence.Parameters.AddWithValue("partition", partition);
        fence.Parameters.AddWithValue("to", to);
        return await fence.ExecuteScalarAsync(cancellationToken) is long next ? next
            : throw new InvalidOperationException($"Partition {partition} has neither a log head nor a move under way on its recorded shard.");
    }

    private static async Task DrainAsync(NpgsqlConnection from, int partition, long head, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var read = new NpgsqlCommand("SELECT applied_offset, notified_offset FROM engagement_checkpoint WHERE partition = @partition", from);
            read.Parameters.AddWithValue("partition", partition);
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    throw new InvalidOperationException($"Partition {partition} has no checkpoint on its recorded shard.");
                }

                if (reader.GetInt64(0) == head && reader.GetInt64(1) == head)
                {
                    return;
                }
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Partition {partition} did not drain within {timeout} (is a silo running its projector?); it stays fenced: run the move again.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private async Task<Dictionary<string, long>> CopyAsync(NpgsqlConnection from, NpgsqlConnection into, EngagementShardSetting target, int partition, long nextOffset, CancellationToken cancellationToken)
    {
        var copied = new Dictionary<string, long>();
        await MarkPartitionRowsAsync(from, partition, cancellationToken);

        // Segments the copied log entries and batch ids fall in must exist before the transaction writes them.
        await using (var targetData = EngagementDataSource.Create(target.ConnectionString))
        {
            var now = DateTimeOffset.UtcNow;
            await new PostgresTimeSegments(targetData, "engagement_batch", options.ClaimSegment).EnsureAsync(now - options.DedupeWindow, now, cancellationToken);
            await new PostgresTimeSegments(targetData, "engagement_log", options.LogSegment).EnsureAsync(await OldestUnwrittenEntryAsync(from, partition, cancellationToken) ?? now, now, cancellationToken);
        }

        await using var transaction = await into.BeginTransactionAsync(cancellationToken);
        await RemoveAsync(into, partition, cancellationToken, transaction);
        await ExecuteAsync(into, transaction, "INSERT INTO engagement_log_head (partition, next_offset) VALUES (@p, @next)", ("p", partition), ("next", nextOffset));
        copied["engagement_checkpoint"] = await CopyRowsAsync(from, into, "engagement_checkpoint", $"SELECT * FROM engagement_checkpoint WHERE partition = {partition}", cancellationToken);
        foreach (var table in PartTables)
        {
            copied[table] = await CopyRowsAsync(from, into, table, $"SELECT * FROM {table} WHERE part = {partition}", cancellationToken);
        }

        foreach (var table in VideoTables)
        {
            copied[table] = await CopyRowsAsync(from, into, table, $"SELECT t.* FROM {table} t JOIN moving_video m USING (video_id)", cancellationToken);
        }

        copied["engagement_video_minute"] = await CopyRowsAsync(from, into, "engagement_video_minute", "SELECT t.* FROM engagement_video_minute t JOIN moving_track m USING (track_id)", cancellationToken);
        // Entries whose video minutes the store holds unwritten: the new shard rebuilds them from its log.
        copied["engagement_log"] = await CopyRowsAsync(from, into, "engagement_log",
            $"SELECT l.* FROM engagement_log l JOIN engagement_checkpoint c ON c.partition = l.partition WHERE l.partition = {partition} AND l.log_offset > LEAST(c.applied_offset, c.minutes_offset)", cancellationToken);
        copied["engagement_batch"] = await CopyRowsAsync(from, into, "engagement_batch", "SELECT * FROM engagement_batch", cancellationToken, conflicts: true);

        // The registrations, marked newer than anything the new shard's stores have read, so each reads them all again.
        var versions = await ScalarsAsync(from, "SELECT version, alert_version FROM engagement_registry");
        await using (var bump = new NpgsqlCommand("""
            UPDATE engagement_registry SET version = GREATEST(version, @version) + 1, alert_version = GREATEST(alert_version, @alert) + 1
            RETURNING version, alert_version
            """, into, transaction))
        {
            bump.Parameters.AddWithValue("version", versions[0]);
            bump.Parameters.AddWithValue("alert", versions[1]);
            await using var reader = await bump.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            versions = [reader.GetInt64(0), reader.GetInt64(1)];
        }

        foreach (var (table, _) in Replicated)
        {
            copied[table] = await CopyRowsAsync(from, into, table, $"SELECT * FROM {table}", cancellationToken, conflicts: true);
            await ExecuteAsync(into, transaction, $"UPDATE {table} SET version = @v", ("v", table == "engagement_alert_rule" ? versions[1] : versions[0]));
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Partition {Partition} copied: {Rows}", partition, string.Join(", ", copied.Select(c => $"{c.Key} {c.Value}")));
        return copied;
    }

    /// <summary>Fills temporary tables, on the old shard's connection, with the partition's videos and tracks (by the
    /// same hash as ingestion, each video's track from the main database's directory).</summary>
    private async Task MarkPartitionRowsAsync(NpgsqlConnection from, int partition, CancellationToken cancellationToken)
    {
        var videos = new List<string>();
        await using (var read = new NpgsqlCommand("SELECT video_id FROM engagement_video UNION SELECT video_id FROM engagement_alert_video_count", from))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                videos.Add(reader.GetString(0));
            }
        }

        var tracks = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using (var main = new NpgsqlConnection(mainConnectionString))
        {
            await main.OpenAsync(cancellationToken);
            foreach (var chunk in videos.Chunk(10_000))
            {
                await using var read = new NpgsqlCommand("SELECT video_id, track_id FROM spotlight_video WHERE video_id = ANY(@ids)", main);
                read.Parameters.AddWithValue("ids", chunk);
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    tracks[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
                }
            }
        }

        var minuteTracks = new List<string>();
        await using (var read = new NpgsqlCommand("SELECT DISTINCT track_id FROM engagement_video_minute", from))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                minuteTracks.Add(reader.GetString(0));
            }
        }

        await ExecuteAsync(from, null, """
            CREATE TEMP TABLE IF NOT EXISTS moving_video (video_id text PRIMARY KEY);
            CREATE TEMP TABLE IF NOT EXISTS moving_track (track_id text PRIMARY KEY);
            TRUNCATE moving_video, moving_track;
            """);
        await ImportAsync(from, "moving_video", videos.Where(v => EngagementPartitions.Of(v, tracks.GetValueOrDefault(v), options.Partitions) == partition), cancellationToken);
        await ImportAsync(from, "moving_track", minuteTracks.Where(t => EngagementPartitions.Of(t, t, options.Partitions) == partition), cancellationToken);
    }

    private static async Task ImportAsync(NpgsqlConnection connection, string table, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        await using var import = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var key in keys)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(key, NpgsqlDbType.Text, cancellationToken);
        }

        await import.CompleteAsync(cancellationToken);
    }

    /// <summary>Streams the rows of <paramref name="select"/> from one database into <paramref name="table"/> of the
    /// other (binary COPY, same schema on both); with <paramref name="conflicts"/>, rows already there are kept.</summary>
    private static async Task<long> CopyRowsAsync(NpgsqlConnection from, NpgsqlConnection into, string table, string select, CancellationToken cancellationToken, bool conflicts = false)
    {
        var count = (await ScalarsAsync(from, $"SELECT count(*) FROM ({select}) s"))[0];
        var destination = table;
        if (conflicts)
        {
            destination = "incoming_" + table;
            await ExecuteAsync(into, null, $"CREATE TEMP TABLE IF NOT EXISTS {destination} (LIKE {table}); TRUNCATE {destination};");
        }

        await using (var reader = await from.BeginRawBinaryCopyAsync($"COPY ({select}) TO STDOUT (FORMAT BINARY)", cancellationToken))
        await using (var writer = await into.BeginRawBinaryCopyAsync($"COPY {destination} FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            await reader.CopyToAsync(writer, cancellationToken);
        }

        if (!conflicts)
        {
            return count;
        }

        await using var merge = new NpgsqlCommand($"INSERT INTO {table} SELECT * FROM {destination} ON CONFLICT DO NOTHING", into);
        return await merge.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<DateTimeOffset?> OldestUnwrittenEntryAsync(NpgsqlConnection from, int partition, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("""
            SELECT min(l.appended_at) FROM engagement_log l JOIN engagement_checkpoint c ON c.partition = l.partition
             WHERE l.partition = @p AND l.log_offset > LEAST(c.applied_offset, c.minutes_offset)
            """, from);
        read.Parameters.AddWithValue("p", partition);
        return await read.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    /// <summary>Every row of the partition in this database (its fence too).</summary>
    /// <param name="marked">The connection's temporary tables already hold the partition's videos and tracks (the copy
    /// filled them on this connection), so they are not read again.</param>
    private async Task RemoveAsync(NpgsqlConnection connection, int partition, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null, bool keepFence = false, bool marked = false)
    {
        var ownTransaction = transaction is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
        var tx = transaction ?? ownTransaction!;
        if (!marked)
        {
            await MarkPartitionRowsAsync(connection, partition, cancellationToken);
        }

        await ExecuteAsync(connection, tx, """
            DELETE FROM engagement_video t USING moving_video m WHERE t.video_id = m.video_id;
            DELETE FROM engagement_alert_video_count t USING moving_video m WHERE t.video_id = m.video_id;
            DELETE FROM engagement_video_minute t USING moving_track m WHERE t.track_id = m.track_id;
            DELETE FROM engagement_log WHERE partition = @p;
            DELETE FROM engagement_log_head WHERE partition = @p;
            DELETE FROM engagement_checkpoint WHERE partition = @p;
            DELETE FROM engagement_partition_moving WHERE partition = @p AND NOT @keep;
            DELETE FROM engagement_track_bucket WHERE part = @p;
            DELETE FROM engagement_title_minute WHERE part = @p;
            DELETE FROM engagement_title_top WHERE part = @p;
            DELETE FROM engagement_alert_count WHERE part = @p;
            """, ("p", partition), ("keep", keepFence));
        if (ownTransaction is not null)
        {
            await ownTransaction.CommitAsync(cancellationToken);
            await ownTransaction.DisposeAsync();
        }
    }

    private static async Task<long[]> ScalarsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return [];
        }

        return [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetInt64(i))];
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
