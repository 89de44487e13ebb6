using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Domain;
using Spotlight.Grains.Engagement;
using Spotlight.Grains.Engagement.Alerts;
using Spotlight.Grains.Engagement.Integrity;
using Spotlight.Grains.Engagement.Log;
using Spotlight.Grains.Engagement.Payload;
using Spotlight.GrainInterfaces.Titles.Alerts;
using Spotlight.Grains.Engagement.Projection;
using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Silo.Engagement;

/// <summary>
/// The engagement store in PostgreSQL (schema: migration 0006). A delivery is one transaction: it locks its
/// partition's checkpoint row, checks the position, writes every table with one multi-row statement each
/// (<c>unnest</c> of arrays) and moves the checkpoint. Rows carry the partition that writes them (videos
/// belong to one partition anyway), so projectors never wait for each other. Follows lock every checkpoint
/// row, so a commit sees the follow registry exactly as it stood when the commit began; each silo keeps the
/// registry in memory and reads what changed when a commit finds a newer version. Alert rules work the same
/// way; their counts, evaluation and fired alerts are <see cref="PostgresAlertBook"/>'s. Per-video minutes are
/// held in memory per partition and written every <see cref="EngagementOptions.VideoMinuteWriteInterval"/>
/// (<see cref="HeldVideoMinutes"/>; the checkpoint's <c>minutes_offset</c> says how far they are written), and a
/// snapshot of a follower with exclusions also takes off what the log holds beyond that.
/// </summary>
public sealed class PostgresEngagementStore(NpgsqlDataSource db, IEngagementLog log, IOptions<EngagementOptions> options, TimeProvider? clock = null)
    : IEngagementStore, IAlertStore
{
    private const int LogReadSize = 1024;

    /// <summary>A partition's checkpoint row, locked: its applied offset and how far its video minutes are written.</summary>
    private const string LockPositionSql = "SELECT applied_offset, minutes_offset FROM engagement_checkpoint WHERE partition = @partition FOR UPDATE";

    /// <summary>Rows a roll-up or trim statement moves at a time, to keep its transaction short.</summary>
    public const int MaintenanceChunk = 20_000;

    private const long MaintenanceLockKey = 0x5350_4D41_494E_5453; // arbitrary, fixed

    private readonly EngagementOptions _options = options.Value;
    private readonly SemaphoreSlim _registryGate = new(1, 1);
    private readonly FollowRegistry _registry = new();
    private long _registryVersion = -1;
    private readonly PostgresAlertBook _alerts = new(db);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly HeldVideoMinutes[] _held = [.. Enumerable.Range(0, options.Value.Partitions).Select(_ => new HeldVideoMinutes())];

    // See WithHeldAsync.
    private readonly SemaphoreSlim[] _heldGates = [.. Enumerable.Range(0, options.Value.Partitions).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<PartitionPosition> ReadPositionAsync(int partition, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT applied_offset, notified_offset FROM engagement_checkpoint WHERE partition = @partition");
        command.Parameters.AddWithValue("partition", partition);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new PartitionPosition(reader.GetInt64(0), reader.GetInt64(1)) : default;
    }

    public async Task<long[]> ReadPositionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await PositionsAsync(connection, null, cancellationToken);
    }

    public async Task<long[]> ReadLogConsumedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await CheckpointColumnAsync(connection, null, "LEAST(applied_offset, minutes_offset)", cancellationToken);
    }

    public Task WriteHeldVideoMinutesAsync(int partition, CancellationToken cancellationToken) =>
        WithHeldAsync(partition, held => WriteDueAsync(held, partition, cancellationToken), cancellationToken);

    public Task<CommitOutcome> CommitAsync(DeliveryCommit commit, CancellationToken cancellationToken) =>
        WithHeldAsync(commit.Partition, held => CommitHeldAsync(commit, held, cancellationToken), cancellationToken);

    /// <summary>Runs <paramref name="work"/> on the partition's held minutes, one at a time in this process (a
    /// partition's projector runs them one after another anyway; across processes the checkpoint row lock orders
    /// them). When it fails, whether its transaction committed is unknown, so they are read again next time.</summary>
    private async Task<T> WithHeldAsync<T>(int partition, Func<HeldVideoMinutes, Task<T>> work, CancellationToken cancellationToken)
    {
        var held = _held[partition];
        var gate = _heldGates[partition];
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await work(held);
        }
        catch
        {
            held.Forget();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Writes the held minutes if they are due; answers whether it wrote.</summary>
    private async Task<bool> WriteDueAsync(HeldVideoMinutes held, int partition, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        // Known here and nothing due: no need to ask the database. Unknown (nothing committed here yet, or a
        // commit failed): the database says whether minutes are held, perhaps since before a restart.
        if (held.IsKnown && (held.WrittenThrough == held.AppliedThrough || !held.IsDue(now, _options.VideoMinuteWriteInterval, _options.VideoMinuteWriteLimit)))
        {
            return false;
        }

        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (applied, written) = await LockPositionAsync(connection, transaction, partition, cancellationToken);
        var rebuilt = !held.Matches(written, applied);
        if (rebuilt)
        {
            await RebuildHeldAsync(held, partition, written, applied, now, cancellationToken);
        }

        // Minutes rebuilt from the log are written at once: how long they were held before is unknown.
        if (written == applied || (!rebuilt && !held.IsDue(now, _options.VideoMinuteWriteInterval, _options.VideoMinuteWriteLimit)))
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        await using (var write = new NpgsqlBatch(connection, transaction))
        {
            if (held.Minutes.Count > 0)
            {
                write.BatchCommands.Add(VideoMinuteUpsert(held.Minutes));
            }

            var move = new NpgsqlBatchCommand("UPDATE engagement_checkpoint SET minutes_offset = @applied WHERE partition = @partition");
            move.Parameters.AddWithValue("applied", applied);
            move.Parameters.AddWithValue("partition", partition);
            write.BatchCommands.Add(move);
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        held.Written(applied);
        return true;
    }

    /// <summary>Applies a delivery (see <see cref="CommitAsync"/>) and writes the held minutes with it when they are due.</summary>
    private async Task<CommitOutcome> CommitHeldAsync(DeliveryCommit commit, HeldVideoMinutes held, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long applied, written, version, alertVersion;
        await using (var check = new NpgsqlBatch(connection, transaction))
        {
            var position = new NpgsqlBatchCommand(LockPositionSql);
            position.Parameters.AddWithValue("partition", commit.Partition);
            check.BatchCommands.Add(position);
            check.BatchCommands.Add(new NpgsqlBatchCommand("SELECT version, alert_version FROM engagement_registry"));
            await using var reader = await check.ExecuteReaderAsync(cancellationToken);
            (applied, written) = await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetInt64(1)) : throw MissingLayout();
            await reader.NextResultAsync(cancellationToken);
            (version, alertVersion) = await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
        }

        if (applied != commit.PreviousApplied)
        {
            await transaction.RollbackAsync(cancellationToken);
            return CommitOutcome.Conflict(applied);
        }

        var now = _clock.GetUtcNow();
        if (!held.Matches(written, applied))
        {
            await RebuildHeldAsync(held, commit.Partition, written, applied, now, cancellationToken);
        }

        // Written with this commit: everything held and the delivery's own; otherwise the delivery's are held.
        var writeMinutes = held.IsDue(now, _options.VideoMinuteWriteInterval, _options.VideoMinuteWriteLimit, commit.VideoMinutes.Count)
            ? held.WithDelivery(commit.VideoMinutes)
            : null;

        Dictionary<string, Dictionary<string, long>> points;
        await _registryGate.WaitAsync(cancellationToken);
        try
        {
            // No follow can commit while this transaction holds its checkpoint row, so the registry read here
            // is the one every commit of this moment sees.
            if (version != _registryVersion)
            {
                await RefreshRegistryAsync(connection, transaction, cancellationToken);
                _registryVersion = version;
            }

            points = _registry.PointsOf(commit.TrackMinutes, commit.VideoMinutes);
        }
        finally
        {
            _registryGate.Release();
        }

        var (alertKeys, alertWrite, alertVideoWrite) = await _alerts.CountAsync(connection, transaction, alertVersion, commit.Partition, commit.Last, commit.Alerts, cancellationToken);
        List<(VideoWindow Key, long Views)> alertVideoTotals = [];
        var views = commit.VideoViews;
        views.Clear();
        await using (var write = new NpgsqlBatch(connection, transaction))
        {
            if (commit.Videos.Count > 0)
            {
                write.BatchCommands.Add(VideoUpsert(commit));
            }

            if (commit.TrackMinutes.Count > 0)
            {
                write.BatchCommands.Add(TrackUpsert(commit));
            }

            if (writeMinutes is { Count: > 0 })
            {
                write.BatchCommands.Add(VideoMinuteUpsert(writeMinutes));
            }

            if (commit.TitleMinutes.Count > 0)
            {
                write.BatchCommands.Add(TitleMinuteUpsert(commit));
            }

            foreach (var top in TitleTopWrites(commit))
            {
                write.BatchCommands.Add(top);
            }

            if (alertWrite is not null)
            {
                write.BatchCommands.Add(alertWrite);
            }

            var move = new NpgsqlBatchCommand("""
                UPDATE engagement_checkpoint
                   SET applied_offset = @last, notified_offset = GREATEST(notified_offset, LEAST(@notified, @last)), updated_at = now(),
                       minutes_offset = CASE WHEN @minutes THEN @last ELSE minutes_offset END
                 WHERE partition = @partition
                """);
            move.Parameters.AddWithValue("last", commit.Last);
            move.Parameters.AddWithValue("minutes", writeMinutes is not null);
            move.Parameters.AddWithValue("notified", commit.Notified);
            move.Parameters.AddWithValue("partition", commit.Partition);
            write.BatchCommands.Add(move);
            if (alertVideoWrite is not null)
            {
                write.BatchCommands.Insert(0, alertVideoWrite);
            }

            await using var reader = await write.ExecuteReaderAsync(cancellationToken);
            if (alertVideoWrite is not null)
            {
                alertVideoTotals = await PostgresAlertBook.ReadVideoTotalsAsync(reader, cancellationToken);
                await reader.NextResultAsync(cancellationToken);
            }

            if (commit.Videos.Count > 0)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    views[reader.GetString(0)] = reader.GetInt64(1);
                }
            }

            while (await reader.NextResultAsync(cancellationToken))
            {
            }
        }

        var breakouts = alertVideoTotals.Count > 0
            ? await _alerts.RecordBreakoutsAsync(connection, transaction, alertVideoTotals, commit.Alerts!, commit.At, cancellationToken)
            : ([], []);
        await transaction.CommitAsync(cancellationToken);
        if (writeMinutes is not null)
        {
            held.Written(commit.Last);
        }
        else
        {
            held.Held(commit.VideoMinutes, commit.Last, now);
        }

        if (breakouts.Decided.Count > 0)
        {
            await _alerts.RememberFiredAsync(breakouts.Decided);
        }

        return new CommitOutcome(true, commit.Last, views, points) { AlertKeys = alertKeys };
    }

    public async Task MarkNotifiedAsync(int partition, long notified, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "UPDATE engagement_checkpoint SET notified_offset = GREATEST(notified_offset, LEAST(@notified, applied_offset)) WHERE partition = @partition");
        command.Parameters.AddWithValue("notified", notified);
        command.Parameters.AddWithValue("partition", partition);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, EngagementCounters>> ReadVideoCountersAsync(IReadOnlyCollection<string> videoIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, EngagementCounters>(videoIds.Count, StringComparer.Ordinal);
        if (videoIds.Count == 0)
        {
            return found;
        }

        await using var command = db.CreateCommand("SELECT video_id, views, likes, comments, shares FROM engagement_video WHERE video_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", videoIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = new EngagementCounters(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        return found;
    }

    public async Task<(EngagementCounters Counters, long Uses)> SumTrackAsync(string trackId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var (first, end) = EventMinutes.Bounds(from, to);
        await using var command = db.CreateCommand("""
            SELECT COALESCE(sum(views), 0)::bigint, COALESCE(sum(likes), 0)::bigint, COALESCE(sum(comments), 0)::bigint,
                   COALESCE(sum(shares), 0)::bigint, COALESCE(sum(uses), 0)::bigint
              FROM engagement_track_bucket WHERE track_id = @track AND bucket >= @first AND bucket < @end
            """);
        command.Parameters.AddWithValue("track", trackId);
        command.Parameters.AddWithValue("first", first);
        command.Parameters.AddWithValue("end", end);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (new EngagementCounters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)), reader.GetInt64(4));
    }

    public async Task<IReadOnlyList<(EngagementCounters Counters, long Uses)>> SumTrackByDayAsync(string trackId, DateOnly firstDay, int days, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var (first, end) = EventMinutes.Bounds(start, start.AddDays(days));
        await using var command = db.CreateCommand("""
            SELECT (bucket - @first) / 1440, sum(views)::bigint, sum(likes)::bigint, sum(comments)::bigint, sum(shares)::bigint, sum(uses)::bigint
              FROM engagement_track_bucket WHERE track_id = @track AND bucket >= @first AND bucket < @end
             GROUP BY 1
            """);
        command.Parameters.AddWithValue("track", trackId);
        command.Parameters.AddWithValue("first", first);
        command.Parameters.AddWithValue("end", end);
        var sums = Enumerable.Repeat((EngagementCounters.Zero, 0L), days).ToArray();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sums[reader.GetInt64(0)] = (new EngagementCounters(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)), reader.GetInt64(5));
        }

        return sums;
    }

    public async Task<FollowerSnapshot> FollowAsync(string follower, FollowerWindow window, IReadOnlyCollection<string> trackIds, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Every checkpoint row, in order: no delivery commits while the registry changes, so a delivery either
        // committed before this snapshot (its points are in it) or sees the new follows (it tells of them).
        await LockEveryPartitionAsync(connection, transaction, cancellationToken);

        await using (var change = new NpgsqlBatch(connection, transaction))
        {
            change.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE engagement_registry SET version = version + 1"));
            var register = new NpgsqlBatchCommand("""
                INSERT INTO engagement_follower (follower, opens_at, closes_at, active, version)
                VALUES (@follower, @opens, @closes, true, (SELECT version FROM engagement_registry))
                ON CONFLICT (follower) DO UPDATE SET active = true, version = EXCLUDED.version
                 WHERE engagement_follower.opens_at IS NOT DISTINCT FROM EXCLUDED.opens_at
                   AND engagement_follower.closes_at IS NOT DISTINCT FROM EXCLUDED.closes_at
                """);
            register.Parameters.AddWithValue("follower", follower);
            register.Parameters.Add(new NpgsqlParameter("opens", NpgsqlDbType.TimestampTz) { Value = (object?)window.OpensAt ?? DBNull.Value });
            register.Parameters.Add(new NpgsqlParameter("closes", NpgsqlDbType.TimestampTz) { Value = (object?)window.ClosesAt ?? DBNull.Value });
            change.BatchCommands.Add(register);
            var follow = new NpgsqlBatchCommand("""
                INSERT INTO engagement_follow (follower, track_id, version)
                SELECT @follower, t, (SELECT version FROM engagement_registry) FROM unnest(@tracks) AS t
                ON CONFLICT (follower, track_id) DO NOTHING
                """);
            follow.Parameters.AddWithValue("follower", follower);
            follow.Parameters.AddWithValue("tracks", trackIds.ToArray());
            change.BatchCommands.Add(follow);
            await change.ExecuteNonQueryAsync(cancellationToken);
            if (register.RecordsAffected == 0)
            {
                throw new InvalidOperationException($"Follower {follower} follows another window than {window}.");
            }
        }

        var points = await PointsAsync(connection, transaction, follower, window, trackIds, cancellationToken);
        var positions = await PositionsAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FollowerSnapshot(points, positions);
    }

    public async Task<FollowerSnapshot?> LoadFollowerAsync(string follower, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        if (await ReadFollowerAsync(connection, transaction, follower, cancellationToken) is not { } found)
        {
            return null;
        }

        var (window, tracks) = found;

        var points = await PointsAsync(connection, transaction, follower, window, tracks, cancellationToken);
        var positions = await PositionsAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FollowerSnapshot(points, positions);
    }

    public async Task<FollowerSnapshot> ExcludeAsync(string follower, EngagementExclusion exclusion, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // As a follow: no delivery commits while the exclusion is added, so each either is in the snapshot (and
        // its excluded minutes are taken off below) or sees the exclusion (and leaves them out of its points).
        await LockEveryPartitionAsync(connection, transaction, cancellationToken);

        await using (var change = new NpgsqlBatch(connection, transaction))
        {
            change.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE engagement_registry SET version = version + 1"));
            var add = new NpgsqlBatchCommand("""
                INSERT INTO engagement_exclusion (follower, track_id, video_id, first_minute, end_minute, version)
                SELECT @follower, @track, @video, @first, @end, (SELECT version FROM engagement_registry)
                 WHERE EXISTS (SELECT 1 FROM engagement_follower WHERE follower = @follower AND active)
                ON CONFLICT DO NOTHING
                """);
            add.Parameters.AddWithValue("follower", follower);
            add.Parameters.AddWithValue("track", exclusion.TrackId);
            add.Parameters.AddWithValue("video", exclusion.VideoId);
            add.Parameters.AddWithValue("first", exclusion.FirstMinute);
            add.Parameters.AddWithValue("end", exclusion.EndMinute);
            change.BatchCommands.Add(add);
            await change.ExecuteNonQueryAsync(cancellationToken);
        }

        var (window, tracks) = await ReadFollowerAsync(connection, transaction, follower, cancellationToken)
            ?? throw new InvalidOperationException($"Follower {follower} does not follow.");
        var points = await PointsAsync(connection, transaction, follower, window, tracks, cancellationToken);
        var positions = await PositionsAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FollowerSnapshot(points, positions);
    }

    public async Task<IReadOnlyList<VideoMinuteRow>> ReadVideoMinutesAsync(IReadOnlyCollection<string> trackIds, long firstMinute, long endMinute, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT video_id, track_id, minute, views, likes, comments, shares, uses FROM engagement_video_minute
             WHERE track_id = ANY(@tracks) AND minute >= @first AND minute < @end
            """);
        command.Parameters.AddWithValue("tracks", trackIds.ToArray());
        command.Parameters.AddWithValue("first", firstMinute);
        command.Parameters.AddWithValue("end", endMinute);
        var rows = new List<VideoMinuteRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new VideoMinuteRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), new Counts
            {
                Views = reader.GetInt64(3), Likes = reader.GetInt64(4), Comments = reader.GetInt64(5), Shares = reader.GetInt64(6), Uses = reader.GetInt64(7),
            }));
        }

        return rows;
    }

    public async Task UnfollowAsync(string follower, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockEveryPartitionAsync(connection, transaction, cancellationToken);

        await using (var change = new NpgsqlBatch(connection, transaction))
        {
            change.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE engagement_registry SET version = version + 1"));
            var deactivate = new NpgsqlBatchCommand(
                "UPDATE engagement_follower SET active = false, version = (SELECT version FROM engagement_registry) WHERE follower = @follower");
            deactivate.Parameters.AddWithValue("follower", follower);
            change.BatchCommands.Add(deactivate);
            var forget = new NpgsqlBatchCommand("DELETE FROM engagement_follow WHERE follower = @follower");
            forget.Parameters.AddWithValue("follower", follower);
            change.BatchCommands.Add(forget);
            var forgetExclusions = new NpgsqlBatchCommand("DELETE FROM engagement_exclusion WHERE follower = @follower");
            forgetExclusions.Parameters.AddWithValue("follower", follower);
            change.BatchCommands.Add(forgetExclusions);
            await change.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> FollowersOfAsync(IReadOnlyCollection<string> trackIds, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT DISTINCT f.follower FROM engagement_follow f JOIN engagement_follower r ON r.follower = f.follower
             WHERE r.active AND f.track_id = ANY(@tracks)
            """);
        command.Parameters.AddWithValue("tracks", trackIds.ToArray());
        var followers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            followers.Add(reader.GetString(0));
        }

        return followers;
    }

    public async Task<TitleDaySnapshot> LoadTitleDayAsync(string titleId, long day, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var minutes = new List<TitleMinuteCounts>();
        await using (var read = new NpgsqlCommand("""
            SELECT minute, sum(m_views)::bigint, sum(m_likes)::bigint, sum(m_comments)::bigint, sum(m_shares)::bigint,
                   sum(l_views)::bigint, sum(l_likes)::bigint, sum(l_comments)::bigint, sum(l_shares)::bigint
              FROM engagement_title_minute WHERE title_id = @title AND minute >= @from AND minute < @to
             GROUP BY minute ORDER BY minute
            """, connection, transaction))
        {
            read.Parameters.AddWithValue("title", titleId);
            read.Parameters.AddWithValue("from", day * TitleAnalyticsKeys.MinutesPerDay);
            read.Parameters.AddWithValue("to", (day + 1) * TitleAnalyticsKeys.MinutesPerDay);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                minutes.Add(new TitleMinuteCounts(
                    reader.GetInt64(0),
                    new EngagementCounters(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)),
                    new EngagementCounters(reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8)),
                    0,
                    new Dictionary<string, long>()));
            }
        }

        var tops = new List<PartitionTopRow>();
        await using (var read = new NpgsqlCommand(
            "SELECT part, list, key, views, likes, comments, shares, error FROM engagement_title_top WHERE title_id = @title AND day = @day", connection, transaction))
        {
            read.Parameters.AddWithValue("title", titleId);
            read.Parameters.AddWithValue("day", day);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tops.Add(new PartitionTopRow(reader.GetInt16(0), TopRowOf(reader, 1)));
            }
        }

        var positions = await PositionsAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TitleDaySnapshot(minutes, tops, positions);
    }

    public async Task<IReadOnlyList<TopListRow>> LoadTitleTopsAsync(int partition, string titleId, long day, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "SELECT list, key, views, likes, comments, shares, error FROM engagement_title_top WHERE title_id = @title AND day = @day AND part = @part");
        command.Parameters.AddWithValue("title", titleId);
        command.Parameters.AddWithValue("day", day);
        command.Parameters.AddWithValue("part", (short)partition);
        var rows = new List<TopListRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(TopRowOf(reader, 0));
        }

        return rows;
    }

    public async Task<StoreMaintenance> MaintainAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using (var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
        {
            tryLock.Parameters.AddWithValue("key", MaintenanceLockKey);
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return new StoreMaintenance(0, 0, -1, -1);
            }
        }

        try
        {
            var edges = await EdgesAsync(connection, cancellationToken);
            var nowMinute = EventMinutes.MinuteOf(now);
            var ages = RollupAges.From(_options);
            var merged = await RollupAsync(connection, BucketRollup.MinuteWidth, BucketRollup.HourWidth,
                EventMinutes.Floor(nowMinute - ages.Minutes, BucketRollup.HourWidth), edges, cancellationToken);
            merged += await RollupAsync(connection, BucketRollup.HourWidth, BucketRollup.DayWidth,
                EventMinutes.Floor(nowMinute - ages.Hours, BucketRollup.DayWidth), edges, cancellationToken);
            var oldDay = TitleAnalyticsKeys.DayOf(EventMinutes.MinuteOf(now - MemoryEngagementStore.TopListTrimAge));
            var trimmed = await TrimTopsAsync(connection, oldDay, cancellationToken);
            trimmed += await _alerts.TrimAsync(connection, now, _options.DedupeWindow, cancellationToken);
            var videoMinutesTrimmed = await TrimVideoMinutesAsync(connection, now, cancellationToken);
            return new StoreMaintenance(merged, trimmed, await EstimateRowsAsync(connection, "engagement_track_bucket", cancellationToken),
                await EstimateRowsAsync(connection, "engagement_title_minute", cancellationToken) + await EstimateRowsAsync(connection, "engagement_title_top", cancellationToken))
            {
                VideoMinutesTrimmed = videoMinutesTrimmed,
            };
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", MaintenanceLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public Task<AlertRuleAdded> AddRuleAsync(AlertRule rule, int maxPerTitle, CancellationToken cancellationToken) =>
        _alerts.AddRuleAsync(rule, maxPerTitle, cancellationToken);

    public Task<IReadOnlyList<AlertRule>> ReadRulesAsync(string titleId, CancellationToken cancellationToken) =>
        _alerts.ReadRulesAsync(titleId, cancellationToken);

    public Task<IReadOnlyList<FiredAlert>> EvaluateAsync(IReadOnlyCollection<AlertKey> keys, DateTimeOffset now, CancellationToken cancellationToken) =>
        _alerts.EvaluateAsync(keys, now, cancellationToken);

    /// <summary>This database's alert book (a sharded store sums the standings of every shard's).</summary>
    public PostgresAlertBook Alerts => _alerts;

    public Task<IReadOnlyList<AlertKey>> KeysChangedAfterAsync(int partition, long afterOffset, CancellationToken cancellationToken) =>
        _alerts.KeysChangedAfterAsync(partition, afterOffset, cancellationToken);

    public Task<IReadOnlyList<FiredAlert>> ReadFiredAsync(string titleId, long? beforeSequence, int limit, CancellationToken cancellationToken) =>
        _alerts.ReadFiredAsync(titleId, beforeSequence, limit, cancellationToken);

    public Task<IReadOnlyList<FiredAlert>> ReadFiredSinceAsync(string titleId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        _alerts.ReadFiredSinceAsync(titleId, afterSequence, limit, cancellationToken);

    private static NpgsqlBatchCommand VideoUpsert(DeliveryCommit commit)
    {
        var n = commit.Videos.Count;
        var (ids, views, likes, comments, shares) = (new string[n], new long[n], new long[n], new long[n], new long[n]);
        var i = 0;
        foreach (var (id, c) in commit.Videos)
        {
            (ids[i], views[i], likes[i], comments[i], shares[i]) = (id, c.Views, c.Likes, c.Comments, c.Shares);
            i++;
        }

        var command = new NpgsqlBatchCommand("""
            INSERT INTO engagement_video AS v (video_id, views, likes, comments, shares)
            SELECT * FROM unnest(@ids, @views, @likes, @comments, @shares)
            ON CONFLICT (video_id) DO UPDATE SET views = v.views + EXCLUDED.views, likes = v.likes + EXCLUDED.likes,
                comments = v.comments + EXCLUDED.comments, shares = v.shares + EXCLUDED.shares
            RETURNING video_id, views
            """);
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("views", views);
        command.Parameters.AddWithValue("likes", likes);
        command.Parameters.AddWithValue("comments", comments);
        command.Parameters.AddWithValue("shares", shares);
        return command;
    }

    private static NpgsqlBatchCommand TrackUpsert(DeliveryCommit commit)
    {
        var n = commit.TrackMinutes.Count;
        var (tracks, minutes, counts) = (new string[n], new long[n], new CountColumns(n));
        var i = 0;
        foreach (var (key, c) in commit.TrackMinutes)
        {
            (tracks[i], minutes[i]) = (key.TrackId, key.Minute);
            counts.Set(i++, c);
        }

        var command = new NpgsqlBatchCommand("""
            INSERT INTO engagement_track_bucket AS b (track_id, width, bucket, part, views, likes, comments, shares, uses)
            SELECT t, 1, m, @part, v, l, c, s, u FROM unnest(@tracks, @minutes, @views, @likes, @comments, @shares, @uses) AS x(t, m, v, l, c, s, u)
            ON CONFLICT (track_id, width, bucket, part) DO UPDATE SET views = b.views + EXCLUDED.views, likes = b.likes + EXCLUDED.likes,
                comments = b.comments + EXCLUDED.comments, shares = b.shares + EXCLUDED.shares, uses = b.uses + EXCLUDED.uses
            """);
        command.Parameters.AddWithValue("part", (short)commit.Partition);
        command.Parameters.AddWithValue("tracks", tracks);
        command.Parameters.AddWithValue("minutes", minutes);
        counts.AddTo(command);
        return command;
    }

    private static NpgsqlBatchCommand VideoMinuteUpsert(IReadOnlyDictionary<VideoMinute, Counts> videoMinutes)
    {
        var n = videoMinutes.Count;
        var (videos, tracks, minutes, counts) = (new string[n], new string[n], new long[n], new CountColumns(n));
        var i = 0;
        // In key order: a held write is thousands of new rows, and the index takes them page by page.
        foreach (var (key, c) in videoMinutes.OrderBy(m => m.Key.TrackId, StringComparer.Ordinal).ThenBy(m => m.Key.Minute).ThenBy(m => m.Key.VideoId, StringComparer.Ordinal))
        {
            (videos[i], tracks[i], minutes[i]) = (key.VideoId, key.TrackId, key.Minute);
            counts.Set(i++, c);
        }

        var command = new NpgsqlBatchCommand("""
            INSERT INTO engagement_video_minute AS m (track_id, minute, video_id, views, likes, comments, shares, uses)
            SELECT * FROM unnest(@tracks, @minutes, @videos, @views, @likes, @comments, @shares, @uses)
            ON CONFLICT (track_id, minute, video_id) DO UPDATE SET views = m.views + EXCLUDED.views, likes = m.likes + EXCLUDED.likes,
                comments = m.comments + EXCLUDED.comments, shares = m.shares + EXCLUDED.shares, uses = m.uses + EXCLUDED.uses
            """);
        command.Parameters.AddWithValue("videos", videos);
        command.Parameters.AddWithValue("minutes", minutes);
        command.Parameters.AddWithValue("tracks", tracks);
        counts.AddTo(command);
        return command;
    }

    private static NpgsqlBatchCommand TitleMinuteUpsert(DeliveryCommit commit)
    {
        var n = commit.TitleMinutes.Count;
        var (titles, minutes) = (new string[n], new long[n]);
        var m = Enumerable.Range(0, 8).Select(_ => new long[n]).ToArray();
        var i = 0;
        foreach (var (key, d) in commit.TitleMinutes)
        {
            (titles[i], minutes[i]) = (key.TitleId, key.Minute);
            (m[0][i], m[1][i], m[2][i], m[3][i]) = (d.Matching.Views, d.Matching.Likes, d.Matching.Comments, d.Matching.Shares);
            (m[4][i], m[5][i], m[6][i], m[7][i]) = (d.Linked.Views, d.Linked.Likes, d.Linked.Comments, d.Linked.Shares);
            i++;
        }

        var command = new NpgsqlBatchCommand("""
            INSERT INTO engagement_title_minute AS t (title_id, minute, part, m_views, m_likes, m_comments, m_shares, l_views, l_likes, l_comments, l_shares)
            SELECT id, mi, @part, a, b, c, d, e, f, g, h FROM unnest(@titles, @minutes, @m0, @m1, @m2, @m3, @m4, @m5, @m6, @m7) AS x(id, mi, a, b, c, d, e, f, g, h)
            ON CONFLICT (title_id, minute, part) DO UPDATE SET
                m_views = t.m_views + EXCLUDED.m_views, m_likes = t.m_likes + EXCLUDED.m_likes,
                m_comments = t.m_comments + EXCLUDED.m_comments, m_shares = t.m_shares + EXCLUDED.m_shares,
                l_views = t.l_views + EXCLUDED.l_views, l_likes = t.l_likes + EXCLUDED.l_likes,
                l_comments = t.l_comments + EXCLUDED.l_comments, l_shares = t.l_shares + EXCLUDED.l_shares
            """);
        command.Parameters.AddWithValue("part", (short)commit.Partition);
        command.Parameters.AddWithValue("titles", titles);
        command.Parameters.AddWithValue("minutes", minutes);
        for (var k = 0; k < 8; k++)
        {
            command.Parameters.AddWithValue("m" + k, m[k]);
        }

        return command;
    }

    /// <summary>The final state of each changed top-list row (a key may leave and come back in one delivery):
    /// rows present are written whole, rows removed deleted.</summary>
    private static IEnumerable<NpgsqlBatchCommand> TitleTopWrites(DeliveryCommit commit)
    {
        var last = new Dictionary<(string, long, TopListKind, string), TitleTopRow>();
        foreach (var top in commit.TitleTops)
        {
            last[(top.TitleId, top.Day, top.Row.List, top.Row.Key)] = top;
        }

        var present = last.Values.Where(t => !t.Row.Removed).ToList();
        var removed = last.Values.Where(t => t.Row.Removed).ToList();
        if (present.Count > 0)
        {
            var command = new NpgsqlBatchCommand("""
                INSERT INTO engagement_title_top AS t (title_id, day, part, list, key, views, likes, comments, shares, error)
                SELECT id, d, @part, li, k, v, l, c, s, e FROM unnest(@titles, @days, @lists, @keys, @views, @likes, @comments, @shares, @errors) AS x(id, d, li, k, v, l, c, s, e)
                ON CONFLICT (title_id, day, part, list, key) DO UPDATE SET views = EXCLUDED.views, likes = EXCLUDED.likes,
                    comments = EXCLUDED.comments, shares = EXCLUDED.shares, error = EXCLUDED.error
                """);
            command.Parameters.AddWithValue("part", (short)commit.Partition);
            command.Parameters.AddWithValue("titles", present.Select(t => t.TitleId).ToArray());
            command.Parameters.AddWithValue("days", present.Select(t => t.Day).ToArray());
            command.Parameters.AddWithValue("lists", present.Select(t => (short)t.Row.List).ToArray());
            command.Parameters.AddWithValue("keys", present.Select(t => t.Row.Key).ToArray());
            command.Parameters.AddWithValue("views", present.Select(t => t.Row.Counters.Views).ToArray());
            command.Parameters.AddWithValue("likes", present.Select(t => t.Row.Counters.Likes).ToArray());
            command.Parameters.AddWithValue("comments", present.Select(t => t.Row.Counters.Comments).ToArray());
            command.Parameters.AddWithValue("shares", present.Select(t => t.Row.Counters.Shares).ToArray());
            command.Parameters.AddWithValue("errors", present.Select(t => t.Row.Error).ToArray());
            yield return command;
        }

        if (removed.Count > 0)
        {
            var command = new NpgsqlBatchCommand("""
                DELETE FROM engagement_title_top t USING unnest(@titles, @days, @lists, @keys) AS x(id, d, li, k)
                 WHERE t.title_id = x.id AND t.day = x.d AND t.part = @part AND t.list = x.li AND t.key = x.k
                """);
            command.Parameters.AddWithValue("part", (short)commit.Partition);
            command.Parameters.AddWithValue("titles", removed.Select(t => t.TitleId).ToArray());
            command.Parameters.AddWithValue("days", removed.Select(t => t.Day).ToArray());
            command.Parameters.AddWithValue("lists", removed.Select(t => (short)t.Row.List).ToArray());
            command.Parameters.AddWithValue("keys", removed.Select(t => t.Row.Key).ToArray());
            yield return command;
        }
    }

    private async Task RefreshRegistryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var followers = new List<(string Follower, FollowerWindow Window, bool Active)>();
        await using (var read = new NpgsqlCommand("SELECT follower, opens_at, closes_at, active FROM engagement_follower WHERE version > @seen", connection, transaction))
        {
            read.Parameters.AddWithValue("seen", _registryVersion);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                followers.Add((reader.GetString(0),
                    WindowAt(reader, 1),
                    reader.GetBoolean(3)));
            }
        }

        foreach (var (follower, window, active) in followers)
        {
            _registry.Unfollow(follower);
            if (active)
            {
                _registry.Follow(follower, window, []);
            }
        }

        // A refreshed follower lost its tracks above, so read all of them; others only what is new.
        await using (var read = new NpgsqlCommand("""
            SELECT f.follower, f.track_id FROM engagement_follow f JOIN engagement_follower r ON r.follower = f.follower
             WHERE r.active AND (f.version > @seen OR r.version > @seen)
            """, connection, transaction))
        {
            read.Parameters.AddWithValue("seen", _registryVersion);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var follower = reader.GetString(0);
                if (_registry.WindowOf(follower) is { } window)
                {
                    _registry.Follow(follower, window, [reader.GetString(1)]);
                }
            }
        }

        // Exclusions likewise: a refreshed follower's all, others' new ones (adding one again changes nothing).
        await using (var read = new NpgsqlCommand("""
            SELECT e.follower, e.track_id, e.video_id, e.first_minute, e.end_minute FROM engagement_exclusion e JOIN engagement_follower r ON r.follower = e.follower
             WHERE r.active AND (e.version > @seen OR r.version > @seen)
            """, connection, transaction))
        {
            read.Parameters.AddWithValue("seen", _registryVersion);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var follower = reader.GetString(0);
                if (_registry.IsFollowing(follower))
                {
                    _registry.Exclude(follower, new EngagementExclusion(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4)));
                }
            }
        }
    }

    /// <summary>Every checkpoint row, in order: no delivery commits until the transaction ends, so a change to
    /// the registry made in it is seen whole by every later commit and by none before.</summary>
    private static async Task LockEveryPartitionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var lockAll = new NpgsqlCommand("SELECT partition FROM engagement_checkpoint ORDER BY partition FOR UPDATE", connection, transaction);
        await lockAll.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>An active follower's window and tracks; null when it does not follow.</summary>
    private static async Task<(FollowerWindow Window, List<string> Tracks)?> ReadFollowerAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string follower, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlBatch(connection, transaction);
        var window = new NpgsqlBatchCommand("SELECT opens_at, closes_at FROM engagement_follower WHERE follower = @follower AND active");
        window.Parameters.AddWithValue("follower", follower);
        read.BatchCommands.Add(window);
        var followed = new NpgsqlBatchCommand("SELECT track_id FROM engagement_follow WHERE follower = @follower");
        followed.Parameters.AddWithValue("follower", follower);
        read.BatchCommands.Add(followed);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var found = WindowAt(reader, 0);
        await reader.NextResultAsync(cancellationToken);
        var tracks = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tracks.Add(reader.GetString(0));
        }

        return (found, tracks);
    }

    /// <summary>A follower window from two nullable timestamp columns, opening first.</summary>
    private static FollowerWindow WindowAt(NpgsqlDataReader reader, int opens) => new(
        reader.IsDBNull(opens) ? null : reader.GetFieldValue<DateTimeOffset>(opens),
        reader.IsDBNull(opens + 1) ? null : reader.GetFieldValue<DateTimeOffset>(opens + 1));

    /// <summary>The tracks' points inside the follower's window, less the video minutes it excludes: those written,
    /// and those its videos' partitions hold and have not written yet (read from the log).</summary>
    private async Task<Dictionary<string, long>> PointsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string follower, FollowerWindow window, IReadOnlyCollection<string> trackIds, CancellationToken cancellationToken)
    {
        var (points, excluded, unwritten) = await WrittenPointsAsync(connection, transaction, follower, window, trackIds, cancellationToken);
        if (excluded.Count == 0)
        {
            return points;
        }

        var ranges = excluded.ToDictionary(e => e.Key, e => e.Value.Minutes, StringComparer.Ordinal);
        var held = new Dictionary<string, Counts>(StringComparer.Ordinal);
        foreach (var partition in excluded.Select(e => EngagementPartitions.Of(e.Key, e.Value.TrackId, _options.Partitions)).Distinct())
        {
            if (unwritten.TryGetValue(partition, out var range))
            {
                await foreach (var slice in UnwrittenSlicesAsync(partition, range.Written, range.Applied, cancellationToken))
                {
                    ExcludedEngagement.Add(slice, window, ranges, held);
                }
            }
        }

        foreach (var (trackId, counts) in held)
        {
            if (points.ContainsKey(trackId))
            {
                points[trackId] -= counts.Points;
            }
        }

        return points;
    }

    /// <summary>In one read: the tracks' points inside the follower's window less the written video minutes it
    /// excludes, the follower's exclusions of its tracks' videos (per video), and, per partition whose video
    /// minutes are written behind its counters, the log offsets between.</summary>
    private static async Task<(Dictionary<string, long> Points, Dictionary<string, (string TrackId, MinuteRanges Minutes)> Excluded, Dictionary<int, (long Written, long Applied)> Unwritten)> WrittenPointsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string follower, FollowerWindow window, IReadOnlyCollection<string> trackIds, CancellationToken cancellationToken)
    {
        var points = trackIds.ToDictionary(t => t, _ => 0L, StringComparer.Ordinal);
        var excludedVideos = new Dictionary<string, (string TrackId, MinuteRanges Minutes)>(StringComparer.Ordinal);
        var unwritten = new Dictionary<int, (long Written, long Applied)>();
        if (points.Count == 0)
        {
            return (points, excludedVideos, unwritten);
        }

        var (first, end) = EventMinutes.Bounds(window.OpensAt, window.ClosesAt);
        await using var read = new NpgsqlBatch(connection, transaction);
        var counted = new NpgsqlBatchCommand("""
            SELECT track_id, sum(views)::bigint, sum(likes)::bigint, sum(comments)::bigint, sum(shares)::bigint, sum(uses)::bigint
              FROM engagement_track_bucket WHERE track_id = ANY(@tracks) AND bucket >= @first AND bucket < @end
             GROUP BY track_id
            """);
        // Each excluded video's minutes are read once, over the span of its exclusions; EXISTS, not a join, so a
        // minute inside two overlapping exclusions is taken off once.
        var excluded = new NpgsqlBatchCommand("""
            SELECT m.track_id, sum(m.views)::bigint, sum(m.likes)::bigint, sum(m.comments)::bigint, sum(m.shares)::bigint, sum(m.uses)::bigint
              FROM (SELECT track_id, video_id, min(first_minute) AS f, max(end_minute) AS e FROM engagement_exclusion
                     WHERE follower = @follower AND track_id = ANY(@tracks) GROUP BY track_id, video_id) x
              JOIN engagement_video_minute m
                ON m.track_id = x.track_id AND m.minute >= GREATEST(x.f, @first) AND m.minute < LEAST(x.e, @end) AND m.video_id = x.video_id
             WHERE EXISTS (SELECT 1 FROM engagement_exclusion e
                            WHERE e.follower = @follower AND e.video_id = m.video_id AND m.minute >= e.first_minute AND m.minute < e.end_minute)
             GROUP BY m.track_id
            """);
        foreach (var command in new[] { counted, excluded })
        {
            command.Parameters.AddWithValue("tracks", points.Keys.ToArray());
            command.Parameters.AddWithValue("first", first);
            command.Parameters.AddWithValue("end", end);
            read.BatchCommands.Add(command);
        }

        excluded.Parameters.AddWithValue("follower", follower);
        var exclusions = new NpgsqlBatchCommand("SELECT video_id, track_id, first_minute, end_minute FROM engagement_exclusion WHERE follower = @follower AND track_id = ANY(@tracks)");
        exclusions.Parameters.AddWithValue("follower", follower);
        exclusions.Parameters.AddWithValue("tracks", points.Keys.ToArray());
        read.BatchCommands.Add(exclusions);
        read.BatchCommands.Add(new NpgsqlBatchCommand("SELECT partition, minutes_offset, applied_offset FROM engagement_checkpoint WHERE minutes_offset < applied_offset"));
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        foreach (var sign in new[] { 1, -1 })
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                points[reader.GetString(0)] += sign * PopularityWeights.Default.Points(
                    new EngagementCounters(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)), reader.GetInt64(5));
            }

            await reader.NextResultAsync(cancellationToken);
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            var videoId = reader.GetString(0);
            if (!excludedVideos.TryGetValue(videoId, out var video))
            {
                excludedVideos[videoId] = video = (reader.GetString(1), new MinuteRanges());
            }

            video.Minutes.Add(reader.GetInt64(2), reader.GetInt64(3));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            unwritten[reader.GetInt32(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        }

        return (points, excludedVideos, unwritten);
    }

    private Task<long[]> PositionsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        CheckpointColumnAsync(connection, transaction, "applied_offset", cancellationToken);

    /// <summary>An offset of every partition's checkpoint row (<paramref name="column"/>: a constant expression).</summary>
    private async Task<long[]> CheckpointColumnAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string column, CancellationToken cancellationToken)
    {
        var positions = new long[_options.Partitions];
        await using var read = new NpgsqlCommand($"SELECT partition, {column} FROM engagement_checkpoint", connection, transaction);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var partition = reader.GetInt32(0);
            if (partition < positions.Length)
            {
                positions[partition] = reader.GetInt64(1);
            }
        }

        return positions;
    }

    /// <summary>Drops video minutes <see cref="VideoMinuteRetention"/> no longer keeps, a chunk at a time.</summary>
    private async Task<long> TrimVideoMinutesAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kept = VideoMinuteRetention.KeptWindows(await WindowsAsync(connection, cancellationToken));
        long trimmed = 0;
        while (true)
        {
            await using var trim = new NpgsqlCommand("""
                DELETE FROM engagement_video_minute WHERE ctid IN (
                    SELECT ctid FROM engagement_video_minute m
                     WHERE m.minute < @cutoff
                       AND NOT EXISTS (SELECT 1 FROM unnest(@firsts, @ends) AS w(f, e) WHERE m.minute >= w.f AND m.minute < w.e)
                     LIMIT @chunk)
                """, connection);
            trim.Parameters.AddWithValue("cutoff", VideoMinuteRetention.CutoffMinute(now, _options.DedupeWindow));
            trim.Parameters.AddWithValue("firsts", kept.Select(w => w.First).ToArray());
            trim.Parameters.AddWithValue("ends", kept.Select(w => w.End).ToArray());
            trim.Parameters.AddWithValue("chunk", MaintenanceChunk);
            var deleted = await trim.ExecuteNonQueryAsync(cancellationToken);
            trimmed += deleted;
            if (deleted < MaintenanceChunk)
            {
                return trimmed;
            }
        }
    }

    private static async Task<long[]> EdgesAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        [.. (await WindowsAsync(connection, cancellationToken)).SelectMany(w => w.Edges()).Distinct().Order()];

    /// <summary>The windows of the active followers.</summary>
    private static async Task<List<FollowerWindow>> WindowsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var windows = new List<FollowerWindow>();
        await using var read = new NpgsqlCommand("SELECT opens_at, closes_at FROM engagement_follower WHERE active", connection);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            windows.Add(WindowAt(reader, 0));
        }

        return windows;
    }

    /// <summary>Merges buckets of <paramref name="width"/> that start before <paramref name="cutoff"/> into buckets
    /// of <paramref name="coarser"/> width, except those whose coarser bucket would span an edge (see
    /// <see cref="BucketRollup"/>); a chunk at a time.</summary>
    private static async Task<long> RollupAsync(NpgsqlConnection connection, long width, long coarser, long cutoff, long[] edges, CancellationToken cancellationToken)
    {
        long merged = 0;
        while (true)
        {
            await using var move = new NpgsqlCommand("""
                WITH picked AS (
                    SELECT ctid FROM engagement_track_bucket
                     WHERE width = @width AND bucket < @cutoff
                       AND NOT EXISTS (SELECT 1 FROM unnest(@edges) AS e
                                        WHERE e > bucket - mod(bucket, @coarser) AND e < bucket - mod(bucket, @coarser) + @coarser)
                     LIMIT @chunk),
                moved AS (
                    DELETE FROM engagement_track_bucket b USING picked WHERE b.ctid = picked.ctid
                    RETURNING b.track_id, b.bucket - mod(b.bucket, @coarser) AS start, b.views, b.likes, b.comments, b.shares, b.uses)
                INSERT INTO engagement_track_bucket AS t (track_id, width, bucket, part, views, likes, comments, shares, uses)
                SELECT track_id, @coarser, start, -1, sum(views), sum(likes), sum(comments), sum(shares), sum(uses) FROM moved GROUP BY track_id, start
                ON CONFLICT (track_id, width, bucket, part) DO UPDATE SET views = t.views + EXCLUDED.views, likes = t.likes + EXCLUDED.likes,
                    comments = t.comments + EXCLUDED.comments, shares = t.shares + EXCLUDED.shares, uses = t.uses + EXCLUDED.uses
                """, connection);
            move.Parameters.AddWithValue("width", (short)width);
            move.Parameters.AddWithValue("cutoff", cutoff);
            move.Parameters.AddWithValue("edges", edges);
            move.Parameters.AddWithValue("coarser", coarser);
            move.Parameters.AddWithValue("chunk", MaintenanceChunk);
            var rows = await move.ExecuteNonQueryAsync(cancellationToken);
            if (rows <= 0)
            {
                return merged;
            }

            merged += rows;
        }
    }

    /// <summary>Days past the dedupe window take no more events: each partition's lists keep what a report
    /// can show. Only the week before <paramref name="oldDay"/> is looked at; earlier days were trimmed then.</summary>
    private static async Task<long> TrimTopsAsync(NpgsqlConnection connection, long oldDay, CancellationToken cancellationToken)
    {
        await using var trim = new NpgsqlCommand("""
            DELETE FROM engagement_title_top t USING (
                SELECT ctid FROM (
                    SELECT ctid, row_number() OVER (PARTITION BY title_id, day, part, list ORDER BY views + likes + comments + shares DESC, key) AS rank
                      FROM engagement_title_top WHERE day >= @from AND day < @to) ranked
                 WHERE rank > @keep) d
             WHERE t.ctid = d.ctid
            """, connection);
        trim.Parameters.AddWithValue("from", oldDay - 7);
        trim.Parameters.AddWithValue("to", oldDay);
        trim.Parameters.AddWithValue("keep", MemoryEngagementStore.TrimmedTopListSize);
        return await trim.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> EstimateRowsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = @table::regclass", connection);
        command.Parameters.AddWithValue("table", table);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static TopListRow TopRowOf(NpgsqlDataReader reader, int at) => new(
        (TopListKind)reader.GetInt16(at),
        reader.GetString(at + 1),
        new EngagementCounters(reader.GetInt64(at + 2), reader.GetInt64(at + 3), reader.GetInt64(at + 4), reader.GetInt64(at + 5)),
        reader.GetInt64(at + 6));

    /// <summary>Locks a partition's checkpoint row: its applied offset and how far its video minutes are written.</summary>
    private static async Task<(long Applied, long Written)> LockPositionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int partition, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand(LockPositionSql, connection, transaction);
        read.Parameters.AddWithValue("partition", partition);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetInt64(1)) : throw MissingLayout();
    }

    /// <summary>Holds again the video minutes of the partition's log entries (<paramref name="written"/>, <paramref name="applied"/>].</summary>
    private async Task RebuildHeldAsync(HeldVideoMinutes held, int partition, long written, long applied, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var minutes = new Dictionary<VideoMinute, Counts>();
        await foreach (var slice in UnwrittenSlicesAsync(partition, written, applied, cancellationToken))
        {
            DeliveryAggregation.AddVideoMinutes(slice, minutes);
        }

        held.Reset(written, applied, minutes, now);
    }

    /// <summary>The partition's log entries (<paramref name="written"/>, <paramref name="applied"/>], every one: their
    /// video minutes are applied but not written. The log keeps them (its pruning waits for both offsets).</summary>
    private async IAsyncEnumerable<SliceReader> UnwrittenSlicesAsync(int partition, long written, long applied, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var after = written; after < applied;)
        {
            var entries = await log.ReadAsync(partition, after, (int)Math.Min(LogReadSize, applied - after), cancellationToken);
            if (entries.Count == 0 || entries[0].Offset != after + 1)
            {
                throw new InvalidOperationException($"Engagement partition {partition}: log entries {after + 1}..{applied} hold video minutes not yet written, but are not in the log.");
            }

            foreach (var entry in entries)
            {
                if (entry.Offset > applied)
                {
                    yield break;
                }

                yield return SliceReader.Read(entry.Payload);
            }

            after = entries[^1].Offset;
        }
    }

    private static InvalidOperationException MissingLayout() =>
        new("The engagement checkpoint rows are missing; the silo's layout check (EngagementLayout) creates them at start-up.");
}
