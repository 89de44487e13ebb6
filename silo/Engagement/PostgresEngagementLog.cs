using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement;
using Spotlight.Grains.Engagement.Log;
using Spotlight.Domain;

namespace Spotlight.Silo.Engagement;

/// <summary>
/// The engagement log in PostgreSQL (schema: migrations 0006 and 0007). Appends are committed in groups:
/// one appender per silo takes every batch waiting and appends them with one call of
/// <c>engagement_append</c>, which commits on its own, each batch acknowledged when it returns, so a burst
/// costs one round trip and one fsync instead of one per batch. The function locks every partition's head
/// row (in order) before it looks for earlier claims of the batch ids and writes, so offsets are dense and
/// commit in order, and two silos can never both accept one batch id.
/// </summary>
public sealed class PostgresEngagementLog : IEngagementLog, IAsyncDisposable
{
    /// <summary>Most batches, and payload bytes, one commit takes.</summary>
    public const int MaxGroup = 512;
    public const int MaxGroupBytes = 16 * 1024 * 1024;

    private const long PruneLockKey = 0x5350_4C4F_4750_5255; // arbitrary, fixed
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly NpgsqlDataSource _db;
    private readonly EngagementOptions _options;
    private readonly EngagementMetrics _metrics;
    private readonly ILogger<PostgresEngagementLog> _logger;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _appender;
    private readonly (long Offset, DateTimeOffset At)[] _lastRead;
    private int _disposed;

    public PostgresEngagementLog(NpgsqlDataSource db, IOptions<EngagementOptions> options, EngagementMetrics metrics, ILogger<PostgresEngagementLog> logger)
    {
        (_db, _options, _metrics, _logger) = (db, options.Value, metrics, logger);
        Entries = new PostgresTimeSegments(db, "engagement_log", _options.LogSegment);
        Claims = new PostgresTimeSegments(db, "engagement_batch", _options.ClaimSegment);
        _lastRead = new (long, DateTimeOffset)[_options.Partitions];
        _appender = Task.Run(AppendLoopAsync);
    }

    public PostgresTimeSegments Entries { get; }

    public PostgresTimeSegments Claims { get; }

    public async Task<IngestOutcome> AppendAsync(LogAppend append, CancellationToken cancellationToken)
    {
        var pending = new PendingAppend(append, Stopwatch.GetTimestamp());
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new EngagementLogUnavailableException("The engagement log is shutting down.");
        }

        return await pending.Done.Task;
    }

    public async Task<IReadOnlyList<EngagementLogEntry>> ReadAsync(int partition, long afterOffset, int max, CancellationToken cancellationToken)
    {
        try
        {
            // Entries are appended with a clock that never goes down as offsets go up, so a read that continues
            // where the last one ended can skip segments older than its last entry (less a margin for clock steps).
            var (lastOffset, lastAt) = _lastRead[partition];
            var since = afterOffset >= lastOffset && lastOffset > 0 ? lastAt - TimeSpan.FromMinutes(1) : DateTimeOffset.MinValue;
            await using var command = _db.CreateCommand("""
                SELECT log_offset, payload, appended_at FROM engagement_log
                 WHERE partition = @partition AND log_offset > @after AND appended_at >= @since
                 ORDER BY log_offset LIMIT @max
                """);
            command.Parameters.AddWithValue("partition", partition);
            command.Parameters.AddWithValue("after", afterOffset);
            command.Parameters.AddWithValue("since", since);
            command.Parameters.AddWithValue("max", max);
            var entries = new List<EngagementLogEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new EngagementLogEntry(partition, reader.GetInt64(0), (byte[])reader.GetValue(1), reader.GetFieldValue<DateTimeOffset>(2)));
            }

            if (entries.Count > 0)
            {
                _lastRead[partition] = (entries[^1].Offset, entries[^1].AppendedAt);
            }

            return entries;
        }
        catch (NpgsqlException ex)
        {
            throw new EngagementLogUnavailableException($"Reading engagement partition {partition} failed: {ex.Message}", ex);
        }
    }

    public async Task<long[]> ReadHeadsAsync(CancellationToken cancellationToken)
    {
        var heads = new long[_options.Partitions];
        await using var command = _db.CreateCommand("SELECT partition, next_offset - 1 FROM engagement_log_head");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var partition = reader.GetInt32(0);
            if (partition < heads.Length)
            {
                heads[partition] = reader.GetInt64(1);
            }
        }

        return heads;
    }

    public async Task<LogPruning> PruneAsync(DateTimeOffset entriesBefore, IReadOnlyList<long> consumed, DateTimeOffset claimsBefore, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenConnectionAsync(cancellationToken);
        if (!await TryLockAsync(connection, cancellationToken))
        {
            return new LogPruning(0, 0, -1, -1);
        }

        try
        {
            var now = DateTimeOffset.UtcNow;
            await Entries.EnsureAsync(now, now + (2 * Entries.Length), cancellationToken);
            await Claims.EnsureAsync(now, now + (2 * Claims.Length), cancellationToken);
            long entriesRemoved = 0, claimsRemoved = 0;
            foreach (var segment in await Entries.ListAsync(cancellationToken))
            {
                if (segment.To <= entriesBefore && await ConsumedAsync(connection, segment, consumed, cancellationToken) is { } rows)
                {
                    await Entries.DropAsync(segment, cancellationToken);
                    entriesRemoved += rows;
                }
            }

            foreach (var segment in await Claims.ListAsync(cancellationToken))
            {
                if (segment.To <= claimsBefore)
                {
                    claimsRemoved += await CountAsync(connection, segment.Name, cancellationToken);
                    await Claims.DropAsync(segment, cancellationToken);
                }
            }

            return new LogPruning(entriesRemoved, claimsRemoved, await EstimateRowsAsync(connection, "engagement_log", cancellationToken),
                await EstimateRowsAsync(connection, "engagement_batch", cancellationToken));
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", PruneLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Registered under two service types, so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _appender;
        }
        catch (OperationCanceledException)
        {
        }

        // Batches still waiting were not appended: their callers may send them again elsewhere.
        while (_queue.Reader.TryRead(out var pending))
        {
            pending.Done.TrySetException(new EngagementLogUnavailableException("The engagement log is shutting down."));
        }

        _stop.Dispose();
    }

    private async Task AppendLoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(_stop.Token))
        {
            if (_options.AppendFlushInterval > TimeSpan.Zero)
            {
                await Task.Delay(_options.AppendFlushInterval, _stop.Token);
            }

            var group = new List<PendingAppend>();
            var bytes = 0L;
            while (group.Count < MaxGroup && bytes < MaxGroupBytes && reader.TryRead(out var pending))
            {
                group.Add(pending);
                bytes += pending.Append.Slices.Sum(s => (long)s.Payload.Length);
            }

            try
            {
                var outcomes = await CommitGroupAsync(group);
                _metrics.AppendGroup.Record(group.Count);
                for (var i = 0; i < group.Count; i++)
                {
                    _metrics.AppendSeconds.Record(Stopwatch.GetElapsedTime(group[i].Queued).TotalSeconds);
                    group[i].Done.TrySetResult(outcomes[i]);
                }
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Appending {Count} engagement batches failed; none of them was accepted", group.Count);
                var failure = ex is NpgsqlException or TimeoutException
                    // Without the inner exception: this one crosses the grain boundary, and Npgsql's exceptions have no codec
                    // (the caller would get a CodecNotFoundException instead of the 503 it needs); the warning above has it.
                    ? new EngagementLogUnavailableException($"The engagement log did not accept the batch: {ex.Message}")
                    : ex;
                foreach (var pending in group)
                {
                    pending.Done.TrySetException(failure);
                }
            }
        }
    }

    /// <summary>Appends a group in one call of <c>engagement_append</c> (migration 0007), which also commits:
    /// one round trip and one WAL flush for the whole group. A batch id repeated within the group is sent
    /// once; its repeats get the first one's answer, as a later duplicate would.</summary>
    private async Task<IngestOutcome[]> CommitGroupAsync(List<PendingAppend> group)
    {
        var now = DateTimeOffset.UtcNow;
        await Entries.EnsureAsync(now - TimeSpan.FromMinutes(1), now + TimeSpan.FromMinutes(1), CancellationToken.None);
        await Claims.EnsureAsync(now - TimeSpan.FromMinutes(1), now + TimeSpan.FromMinutes(1), CancellationToken.None);

        var sent = new HashSet<string>(StringComparer.Ordinal);
        var (ids, accepted, rejected) = (new List<string>(), new List<int>(), new List<string?>());
        var (sliceBatch, partitions, events, payloads) = (new List<int>(), new List<int>(), new List<int>(), new List<byte[]>());
        foreach (var pending in group)
        {
            var append = pending.Append;
            if (!sent.Add(append.BatchId))
            {
                continue;
            }

            ids.Add(append.BatchId);
            accepted.Add(append.Outcome.Accepted);
            rejected.Add(append.Outcome.Rejected.Count == 0 ? null : JsonSerializer.Serialize(append.Outcome.Rejected, Json));
            foreach (var slice in append.Slices)
            {
                sliceBatch.Add(ids.Count); // 1-based, as SQL arrays are
                partitions.Add(slice.Partition);
                events.Add(slice.Events);
                payloads.Add(slice.Payload);
            }
        }

        await using var command = _db.CreateCommand("""
            SELECT batch_id, accepted, rejected
              FROM engagement_append(@ids, @accepted, @rejected, @slice_batch, @slice_partition, @slice_events, @slice_payload, @window)
            """);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        command.Parameters.AddWithValue("accepted", accepted.ToArray());
        command.Parameters.Add(new NpgsqlParameter("rejected", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = rejected.ToArray() });
        command.Parameters.AddWithValue("slice_batch", sliceBatch.ToArray());
        command.Parameters.AddWithValue("slice_partition", partitions.ToArray());
        command.Parameters.AddWithValue("slice_events", events.ToArray());
        command.Parameters.AddWithValue("slice_payload", payloads.ToArray());
        command.Parameters.AddWithValue("window", _options.DedupeWindow);

        var earlier = new Dictionary<string, IngestOutcome>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var reasons = reader.IsDBNull(2) ? [] : JsonSerializer.Deserialize<List<RejectedEvent>>(reader.GetString(2), Json) ?? [];
                earlier[reader.GetString(0)] = new IngestOutcome(reader.GetInt32(1), reasons, Duplicate: true);
            }
        }

        var outcomes = new IngestOutcome[group.Count];
        var answered = new Dictionary<string, IngestOutcome>(StringComparer.Ordinal);
        for (var i = 0; i < group.Count; i++)
        {
            var append = group[i].Append;
            if (earlier.TryGetValue(append.BatchId, out var claim))
            {
                outcomes[i] = claim;
            }
            else if (answered.TryGetValue(append.BatchId, out var firstAnswer))
            {
                outcomes[i] = firstAnswer with { Duplicate = true };
            }
            else
            {
                outcomes[i] = answered[append.BatchId] = append.Outcome;
            }
        }

        return outcomes;
    }

    /// <summary>The segment's row count if every entry in it is consumed, otherwise null.</summary>
    private static async Task<long?> ConsumedAsync(NpgsqlConnection connection, TimeSegment segment, IReadOnlyList<long> consumed, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT partition, max(log_offset), count(*) FROM {segment.Name} GROUP BY partition", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var partition = reader.GetInt32(0);
            if (partition >= consumed.Count || reader.GetInt64(1) > consumed[partition])
            {
                return null;
            }

            rows += reader.GetInt64(2);
        }

        return rows;
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<long> EstimateRowsAsync(NpgsqlConnection connection, string parent, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT COALESCE(sum(GREATEST(c.reltuples, 0)), 0)::bigint FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = @parent::regclass
            """, connection);
        command.Parameters.AddWithValue("parent", parent);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", PruneLockKey);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private sealed class PendingAppend(LogAppend append, long queued)
    {
        public LogAppend Append { get; } = append;

        public long Queued { get; } = queued;

        public TaskCompletionSource<IngestOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
