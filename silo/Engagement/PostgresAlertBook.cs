using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;
using Spotlight.GrainInterfaces.Titles.Alerts;
using Spotlight.Grains.Engagement.Alerts;

namespace Spotlight.Silo.Engagement;

/// <summary>
/// Studios' trend alerts in PostgreSQL (schema: migration 0009), for <see cref="PostgresEngagementStore"/>:
/// the rules a commit counts (kept in memory, read again when a commit finds a newer alert version), the
/// commit's count rows, and evaluation, reading and trimming of windows.
/// </summary>
public sealed class PostgresAlertBook(NpgsqlDataSource db)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private const int FiredMemory = 100_000;

    private volatile AlertRuleSet _rules = AlertRuleSet.Empty;
    // Read by every commit's counting without the gate (see CountAsync); changed under it.
    private readonly ConcurrentDictionary<(string TitleId, string RuleId, long Window), byte> _windowsFired = new();
    private long _version = -1;

    /// <summary>The commit's alert counts, with the rules as of <paramref name="version"/> (read under the commit's
    /// checkpoint lock): the rule keys to evaluate after the commit, the statement adding their counts, and the one
    /// adding videos' window views (null when there are none; it answers the views after, for <see cref="RecordBreakoutsAsync"/>).</summary>
    public async Task<(IReadOnlyCollection<AlertKey> Keys, NpgsqlBatchCommand? RuleWrite, NpgsqlBatchCommand? VideoWrite)> CountAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long version, int partition, long offset, AlertInput? input, CancellationToken cancellationToken)
    {
        if (version != Volatile.Read(ref _version))
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (version != _version)
                {
                    await RefreshAsync(connection, transaction, cancellationToken);
                    Volatile.Write(ref _version, version);
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        // No rule can be added while this commit holds its checkpoint row, so the set read now is the version's.
        var rules = _rules;
        var counts = AlertCounting.Count(rules, input, _windowsFired.ContainsKey);
        return (counts.Rules.Keys,
            counts.Rules.Count == 0 ? null : CountUpsert(rules, partition, offset, counts.Rules),
            counts.Videos.Count == 0 ? null : VideoUpsert(counts.Videos));
    }

    /// <summary>Reads the views <see cref="CountAsync"/>'s video statement answered.</summary>
    public static async Task<List<(VideoWindow Key, long Views)>> ReadVideoTotalsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var totals = new List<(VideoWindow, long)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            totals.Add((new VideoWindow(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2)), reader.GetInt64(3)));
        }

        return totals;
    }

    /// <summary>Records, in the commit's transaction, the breakouts its video window views make; answers those it
    /// recorded and every window it decided (to remember once the transaction has committed).</summary>
    public async Task<(IReadOnlyList<FiredAlert> Recorded, IReadOnlyList<AlertKey> Decided)> RecordBreakoutsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<(VideoWindow Key, long Views)> totals, AlertInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<(AlertRule Rule, AlertKey Key, long Figure)> firing;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            firing = BreakoutDecisions.Decide(_rules, input.Routes, totals, key => _windowsFired.ContainsKey(key.RuleWindow));
        }
        finally
        {
            _gate.Release();
        }

        return firing.Count == 0
            ? ([], [])
            : (await RecordAsync(connection, transaction, firing, now, cancellationToken), [.. firing.Select(f => f.Key)]);
    }

    /// <summary>Remembers windows recorded as fired, by an evaluation or by a commit that committed (fired now or
    /// earlier: the insert found the window taken), so that a busy window costs no statement once it has fired.</summary>
    public async Task RememberFiredAsync(IEnumerable<AlertKey> decided)
    {
        await _gate.WaitAsync();
        try
        {
            if (_windowsFired.Count > FiredMemory)
            {
                _windowsFired.Clear();
            }

            foreach (var key in decided)
            {
                _windowsFired.TryAdd(key.RuleWindow, 0);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<AlertRuleAdded> AddRuleAsync(AlertRule rule, int maxPerTitle, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Every checkpoint row, in order: no delivery commits meanwhile, so each counts the rule or does not whole.
        await using (var lockAll = new NpgsqlCommand("SELECT partition FROM engagement_checkpoint ORDER BY partition FOR UPDATE", connection, transaction))
        {
            await lockAll.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var look = new NpgsqlCommand("SELECT count(*), count(*) FILTER (WHERE rule_id = @rule) FROM engagement_alert_rule WHERE title_id = @title", connection, transaction))
        {
            look.Parameters.AddWithValue("title", rule.TitleId);
            look.Parameters.AddWithValue("rule", rule.Id);
            await using var reader = await look.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var (count, same) = (reader.GetInt64(0), reader.GetInt64(1));
            if (same > 0 || count >= maxPerTitle)
            {
                return same > 0 ? AlertRuleAdded.IdTaken : AlertRuleAdded.TitleFull;
            }
        }

        await using (var add = new NpgsqlCommand("""
            WITH bumped AS (UPDATE engagement_registry SET alert_version = alert_version + 1 RETURNING alert_version)
            INSERT INTO engagement_alert_rule (title_id, rule_id, kind, threshold, window_minutes, factor, created_by, created_at, version)
            SELECT @title, @rule, @kind, @threshold, @window, @factor, @by, @at, alert_version FROM bumped
            """, connection, transaction))
        {
            add.Parameters.AddWithValue("title", rule.TitleId);
            add.Parameters.AddWithValue("rule", rule.Id);
            add.Parameters.AddWithValue("kind", (short)rule.Kind);
            add.Parameters.AddWithValue("threshold", rule.Threshold);
            add.Parameters.AddWithValue("window", rule.WindowMinutes);
            add.Parameters.AddWithValue("factor", rule.Factor);
            add.Parameters.AddWithValue("by", rule.CreatedBy);
            add.Parameters.AddWithValue("at", rule.CreatedAt);
            await add.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return AlertRuleAdded.Added;
    }

    public async Task<IReadOnlyList<AlertRule>> ReadRulesAsync(string titleId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(RuleColumns + " WHERE title_id = @title ORDER BY created_at, rule_id");
        command.Parameters.AddWithValue("title", titleId);
        return await ReadRulesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<FiredAlert>> EvaluateAsync(IReadOnlyCollection<AlertKey> keys, DateTimeOffset now, CancellationToken cancellationToken) =>
        await DecideAsync(await ReadStandingsAsync(keys, cancellationToken), now, cancellationToken);

    /// <summary>The keys' counts in this database, those of windows known to have fired left out. With several
    /// engagement databases each holds its partitions' counts, and their standings are summed before deciding.</summary>
    public async Task<IReadOnlyList<AlertStanding>> ReadStandingsAsync(IReadOnlyCollection<AlertKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        AlertKey[] ordered;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // A window that has fired fires no more: its keys need no reading.
            ordered = [.. keys.Distinct().Where(k => !_windowsFired.ContainsKey(k.RuleWindow))];
        }
        finally
        {
            _gate.Release();
        }

        if (ordered.Length == 0)
        {
            return [];
        }

        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var standings = new List<AlertStanding>(ordered.Length);
        await using var read = new NpgsqlCommand("""
            SELECT x.ord,
                   COALESCE((SELECT sum(c.count) FROM engagement_alert_count c
                              WHERE c.title_id = x.t AND c.rule_id = x.r AND c.window_index = x.w AND c.subject = x.s), 0)::bigint,
                   COALESCE((SELECT sum(c.count) FROM engagement_alert_count c
                              WHERE c.title_id = x.t AND c.rule_id = x.r AND c.window_index = x.w - 1 AND c.subject = x.s), 0)::bigint,
                   EXISTS (SELECT 1 FROM engagement_alert_fired f WHERE f.title_id = x.t AND f.rule_id = x.r AND f.window_index = x.w)
              FROM unnest(@titles, @rules, @windows, @subjects) WITH ORDINALITY AS x(t, r, w, s, ord)
            """, connection);
        read.Parameters.AddWithValue("titles", ordered.Select(k => k.TitleId).ToArray());
        read.Parameters.AddWithValue("rules", ordered.Select(k => k.RuleId).ToArray());
        read.Parameters.AddWithValue("windows", ordered.Select(k => k.Window).ToArray());
        read.Parameters.AddWithValue("subjects", ordered.Select(k => k.Subject).ToArray());
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            standings.Add(new AlertStanding(ordered[reader.GetInt64(0) - 1], reader.GetInt64(1), reader.GetInt64(2), reader.GetBoolean(3)));
        }

        return standings;
    }

    /// <summary>Decides which standings fire, with this database's rules, and records those here (once per window).</summary>
    public async Task<IReadOnlyList<FiredAlert>> DecideAsync(IReadOnlyList<AlertStanding> standings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (standings.Count == 0)
        {
            return [];
        }

        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await EnsureRulesAsync(connection, standings.Select(s => s.Key), cancellationToken);
        var firing = AlertDecisions.Decide(_rules, standings);
        if (firing.Count == 0)
        {
            return [];
        }

        var recorded = await RecordAsync(connection, null, firing, now, cancellationToken);
        await RememberFiredAsync(firing.Select(f => f.Key));
        return recorded;
    }

    public async Task<IReadOnlyList<AlertKey>> KeysChangedAfterAsync(int partition, long afterOffset, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT title_id, rule_id, window_index, subject FROM engagement_alert_count WHERE part = @part AND last_offset > @after");
        command.Parameters.AddWithValue("part", (short)partition);
        command.Parameters.AddWithValue("after", afterOffset);
        var keys = new List<AlertKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new AlertKey(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return keys;
    }

    public async Task<IReadOnlyList<FiredAlert>> ReadFiredAsync(string titleId, long? beforeSequence, int limit, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(FiredColumns + " WHERE title_id = @title AND sequence < @before ORDER BY sequence DESC LIMIT @limit");
        command.Parameters.AddWithValue("title", titleId);
        command.Parameters.AddWithValue("before", beforeSequence ?? long.MaxValue);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadFiredAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<FiredAlert>> ReadFiredSinceAsync(string titleId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(FiredColumns + " WHERE title_id = @title AND sequence > @after ORDER BY sequence LIMIT @limit");
        command.Parameters.AddWithValue("title", titleId);
        command.Parameters.AddWithValue("after", afterSequence);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadFiredAsync(command, cancellationToken);
    }

    /// <summary>Drops counts of windows no event can reach and fired alerts past their retention.</summary>
    public async Task<long> TrimAsync(NpgsqlConnection connection, DateTimeOffset now, TimeSpan dedupeWindow, CancellationToken cancellationToken)
    {
        await using var trim = new NpgsqlBatch(connection);
        var counts = new NpgsqlBatchCommand("DELETE FROM engagement_alert_count WHERE window_end < @from");
        counts.Parameters.AddWithValue("from", AlertRetention.CountsFrom(now, dedupeWindow));
        var videos = new NpgsqlBatchCommand("DELETE FROM engagement_alert_video_count WHERE window_end < @from");
        videos.Parameters.AddWithValue("from", AlertRetention.CountsFrom(now, dedupeWindow));
        var fired = new NpgsqlBatchCommand("DELETE FROM engagement_alert_fired WHERE fired_at < @from");
        fired.Parameters.AddWithValue("from", now - AlertRetention.Fired);
        trim.BatchCommands.Add(counts);
        trim.BatchCommands.Add(videos);
        trim.BatchCommands.Add(fired);
        await trim.ExecuteNonQueryAsync(cancellationToken);
        return counts.RecordsAffected + videos.RecordsAffected + fired.RecordsAffected;
    }

    private const string RuleColumns = "SELECT title_id, rule_id, kind, threshold, window_minutes, factor, created_by, created_at FROM engagement_alert_rule";

    private const string FiredColumns = "SELECT sequence, title_id, rule_id, kind, window_start, window_minutes, subject, figure, fired_at FROM engagement_alert_fired";

    private static NpgsqlBatchCommand CountUpsert(AlertRuleSet rules, int partition, long offset, Dictionary<AlertKey, long> counts)
    {
        var rows = counts.OrderBy(c => c.Key.TitleId, StringComparer.Ordinal).ThenBy(c => c.Key.RuleId, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Window).ThenBy(c => c.Key.Subject, StringComparer.Ordinal).ToList();
        var command = new NpgsqlBatchCommand("""
            INSERT INTO engagement_alert_count AS a (title_id, rule_id, window_index, subject, part, count, last_offset, window_end)
            SELECT t, r, w, s, @part, n, @offset, e FROM unnest(@titles, @rules, @windows, @subjects, @counts, @ends) AS x(t, r, w, s, n, e)
            ON CONFLICT (title_id, rule_id, window_index, subject, part) DO UPDATE SET count = a.count + EXCLUDED.count, last_offset = EXCLUDED.last_offset
            """);
        command.Parameters.AddWithValue("part", (short)partition);
        command.Parameters.AddWithValue("offset", offset);
        command.Parameters.AddWithValue("titles", rows.Select(r => r.Key.TitleId).ToArray());
        command.Parameters.AddWithValue("rules", rows.Select(r => r.Key.RuleId).ToArray());
        command.Parameters.AddWithValue("windows", rows.Select(r => r.Key.Window).ToArray());
        command.Parameters.AddWithValue("subjects", rows.Select(r => r.Key.Subject).ToArray());
        command.Parameters.AddWithValue("counts", rows.Select(r => r.Value).ToArray());
        command.Parameters.AddWithValue("ends", rows.Select(r => (r.Key.Window + 1) * rules.Find(r.Key.TitleId, r.Key.RuleId)!.WindowMinutes).ToArray());
        return command;
    }

    private static NpgsqlBatchCommand VideoUpsert(Dictionary<VideoWindow, long> views)
    {
        // In key order, so that two commits touching the same rows (a partition's two activations) lock them alike.
        var rows = views.OrderBy(v => v.Key.VideoId, StringComparer.Ordinal).ThenBy(v => v.Key.WindowMinutes).ThenBy(v => v.Key.Window).ToList();
        var command = new NpgsqlBatchCommand("""
            INSERT INTO engagement_alert_video_count AS a (video_id, window_minutes, window_index, views, window_end)
            SELECT v, m, w, n, (w + 1) * m FROM unnest(@videos, @minutes, @windows, @views) AS x(v, m, w, n)
            ON CONFLICT (video_id, window_minutes, window_index) DO UPDATE SET views = a.views + EXCLUDED.views
            RETURNING video_id, window_minutes, window_index, views
            """);
        command.Parameters.AddWithValue("videos", rows.Select(r => r.Key.VideoId).ToArray());
        command.Parameters.AddWithValue("minutes", rows.Select(r => r.Key.WindowMinutes).ToArray());
        command.Parameters.AddWithValue("windows", rows.Select(r => r.Key.Window).ToArray());
        command.Parameters.AddWithValue("views", rows.Select(r => r.Value).ToArray());
        return command;
    }

    /// <summary>Reads the rules again when a key names one this silo has not seen (keys found after a restart).</summary>
    private async Task EnsureRulesAsync(NpgsqlConnection connection, IEnumerable<AlertKey> keys, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (keys.Any(k => _rules.Find(k.TitleId, k.RuleId) is null))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var version = new NpgsqlCommand("SELECT alert_version FROM engagement_registry", connection, transaction);
                var read = (long)(await version.ExecuteScalarAsync(cancellationToken))!;
                await RefreshAsync(connection, transaction, cancellationToken);
                Volatile.Write(ref _version, Math.Max(_version, read));
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RefreshAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(RuleColumns + " WHERE version > @seen", connection, transaction);
        command.Parameters.AddWithValue("seen", _version);
        _rules = _rules.With(await ReadRulesAsync(command, cancellationToken));
    }

    private static async Task<List<AlertRule>> ReadRulesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rules = new List<AlertRule>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rules.Add(new AlertRule(reader.GetString(1), reader.GetString(0), (AlertKind)reader.GetInt16(2), reader.GetInt64(3), reader.GetInt32(4),
                reader.GetDecimal(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return rules;
    }

    private static async Task<IReadOnlyList<FiredAlert>> RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, List<(AlertRule Rule, AlertKey Key, long Figure)> firing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // timestamptz keeps microseconds: the alert answered is the one read back later.
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
        var candidates = firing.Select(f => AlertFirings.Record(0, f.Rule, f.Key, f.Figure, now)).ToList();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO engagement_alert_fired (title_id, rule_id, window_index, kind, window_start, window_minutes, subject, figure, fired_at)
            SELECT t, r, w, k, st, m, s, f, @at FROM unnest(@titles, @rules, @windows, @kinds, @starts, @minutes, @subjects, @figures) AS x(t, r, w, k, st, m, s, f)
             ORDER BY t, r, w
            ON CONFLICT (title_id, rule_id, window_index) DO NOTHING
            RETURNING sequence, title_id, rule_id, window_index
            """, connection, transaction);
        insert.Parameters.AddWithValue("at", now);
        insert.Parameters.AddWithValue("titles", firing.Select(f => f.Key.TitleId).ToArray());
        insert.Parameters.AddWithValue("rules", firing.Select(f => f.Key.RuleId).ToArray());
        insert.Parameters.AddWithValue("windows", firing.Select(f => f.Key.Window).ToArray());
        insert.Parameters.AddWithValue("kinds", firing.Select(f => (short)f.Rule.Kind).ToArray());
        insert.Parameters.Add(new NpgsqlParameter("starts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = candidates.Select(c => c.WindowStart).ToArray() });
        insert.Parameters.AddWithValue("minutes", firing.Select(f => f.Rule.WindowMinutes).ToArray());
        insert.Parameters.Add(new NpgsqlParameter("subjects", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = candidates.Select(c => (object?)c.Subject ?? DBNull.Value).ToArray() });
        insert.Parameters.AddWithValue("figures", firing.Select(f => f.Figure).ToArray());
        var recorded = new List<FiredAlert>();
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (title, rule, window) = (reader.GetString(1), reader.GetString(2), reader.GetInt64(3));
            var index = firing.FindIndex(f => f.Key.TitleId == title && f.Key.RuleId == rule && f.Key.Window == window);
            recorded.Add(candidates[index] with { Sequence = reader.GetInt64(0) });
        }

        return recorded;
    }

    private static async Task<IReadOnlyList<FiredAlert>> ReadFiredAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var fired = new List<FiredAlert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            fired.Add(new FiredAlert(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (AlertKind)reader.GetInt16(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt64(7),
                reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return fired;
    }
}
