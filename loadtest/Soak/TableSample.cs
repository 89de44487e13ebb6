using Npgsql;

namespace Spotlight.LoadTest.Soak;

/// <summary>
/// The engagement tables' size on disk at one moment (postgres mode), read from the system's database:
/// the log and the batch ids are pruned by dropping whole time segments, so after warm-up they must stop
/// growing; the store's tables hold counters, track buckets and title rows, bounded by the roll-ups.
/// Sizes include indexes and TOAST (<c>pg_total_relation_size</c>) summed over every partition.
/// </summary>
public sealed record TableSample(double AtSecond, long LogBytes, long BatchIdBytes, long StoreBytes) : ITimedSample
{
    private const string Query = """
        SELECT (SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM pg_partition_tree('engagement_log')),
               (SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM pg_partition_tree('engagement_batch')),
               pg_total_relation_size('engagement_video') + pg_total_relation_size('engagement_track_bucket')
                 + pg_total_relation_size('engagement_title_minute') + pg_total_relation_size('engagement_title_top')
        """;

    public static async Task<TableSample> ReadAsync(NpgsqlDataSource database, double atSecond)
    {
        await using var command = database.CreateCommand(Query);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new TableSample(atSecond, Convert.ToInt64(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1)), reader.GetInt64(2));
    }
}
