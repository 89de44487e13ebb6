using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Spotlight.Silo.Engagement;

/// <summary>
/// The time segments of a table partitioned by a timestamp (the engagement log, the batch claims): each is
/// a table of its own, so retention drops a segment instead of deleting rows. Segments are created ahead of
/// time as standalone tables and attached (which locks writers out only of the new table), and dropped by
/// detaching them concurrently first (which never blocks writers of the rest).
/// </summary>
public sealed partial class PostgresTimeSegments(NpgsqlDataSource dataSource, string parent, TimeSpan length)
{
    private readonly ConcurrentDictionary<long, bool> _known = new();

    public TimeSpan Length => length;

    public DateTimeOffset StartOf(DateTimeOffset at)
    {
        var ticks = at.UtcTicks - (at.UtcTicks % length.Ticks);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>Makes sure every segment from <paramref name="from"/> to <paramref name="to"/> exists.</summary>
    public async Task EnsureAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        for (var start = StartOf(from); start <= to; start += length)
        {
            if (_known.ContainsKey(start.UtcTicks))
            {
                continue;
            }

            await CreateAsync(start, cancellationToken);
            _known[start.UtcTicks] = true;
        }
    }

    /// <summary>Every attached segment with its bounds, oldest first.</summary>
    public async Task<IReadOnlyList<TimeSegment>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT c.relname, pg_get_expr(c.relpartbound, c.oid)
              FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = @parent::regclass
            """);
        command.Parameters.AddWithValue("parent", parent);
        var segments = new List<TimeSegment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var bounds = Bounds().Match(reader.GetString(1));
            if (bounds.Success)
            {
                segments.Add(new TimeSegment(reader.GetString(0), Parse(bounds.Groups[1].Value), Parse(bounds.Groups[2].Value)));
            }
        }

        return [.. segments.OrderBy(s => s.From)];
    }

    /// <summary>Detaches and drops a segment (outside any transaction: a concurrent detach cannot be in one).</summary>
    public async Task DropAsync(TimeSegment segment, CancellationToken cancellationToken)
    {
        await using (var detach = dataSource.CreateCommand($"ALTER TABLE {parent} DETACH PARTITION {segment.Name} CONCURRENTLY"))
        {
            await detach.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var drop = dataSource.CreateCommand($"DROP TABLE IF EXISTS {segment.Name}"))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        _known.TryRemove(segment.From.UtcTicks, out _);
    }

    private async Task CreateAsync(DateTimeOffset start, CancellationToken cancellationToken)
    {
        var name = $"{parent}_{start.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One silo at a time creates segments of this table; the others find them attached.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext(@parent))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("parent", parent);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = @parent::regclass AND c.relname = @name)", connection, transaction))
        {
            exists.Parameters.AddWithValue("parent", parent);
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(cancellationToken) is true)
            {
                await transaction.CommitAsync(cancellationToken);
                return;
            }
        }

        var from = start.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var to = (start + length).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        await using (var create = new NpgsqlCommand($"""
            CREATE TABLE IF NOT EXISTS {name} (LIKE {parent} INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
            ALTER TABLE {parent} ATTACH PARTITION {name} FOR VALUES FROM ('{from}+00') TO ('{to}+00');
            """, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>PostgreSQL renders a bound in the session's time zone with an hour-only offset ("+09").</summary>
    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(
        value.Length > 3 && value[^3] is '+' or '-' ? value + ":00" : value,
        CultureInfo.InvariantCulture,
        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [GeneratedRegex(@"FROM \('([^']+)'\) TO \('([^']+)'\)")]
    private static partial Regex Bounds();
}

/// <summary>A segment table and the times it holds: [From, To).</summary>
public sealed record TimeSegment(string Name, DateTimeOffset From, DateTimeOffset To);
