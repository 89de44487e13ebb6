using System.Globalization;
using Spotlight.Silo.Configuration;

namespace Spotlight.Silo.Engagement.Shards;

/// <summary>One engagement database: its name (as recorded in the shard map) and connection string.</summary>
public sealed record EngagementShardSetting(string Name, string ConnectionString);

/// <summary>Reads <c>Spotlight:Postgres:EngagementShards</c> in a stable order: a list (keys 0, 1, …) in its
/// order, a map by name (ordinal). No shards listed: one shard, <see cref="MainShardName"/>, in the main database.</summary>
public static class EngagementShardList
{
    public const string MainShardName = "main";

    public static IReadOnlyList<EngagementShardSetting> From(PostgresSettings settings)
    {
        if (settings.EngagementShards.Count == 0)
        {
            return [new EngagementShardSetting(MainShardName, settings.ConnectionString ?? "")];
        }

        var numbered = settings.EngagementShards.Keys.All(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        var ordered = numbered
            ? settings.EngagementShards.OrderBy(s => int.Parse(s.Key, NumberStyles.None, CultureInfo.InvariantCulture))
            : settings.EngagementShards.OrderBy(s => s.Key, StringComparer.Ordinal);
        return [.. ordered.Select(s => new EngagementShardSetting(numbered ? "shard" + s.Key : s.Key, s.Value))];
    }

    /// <summary>Whether engagement lives in databases of its own rather than the main one.</summary>
    public static bool IsSharded(PostgresSettings settings) => settings.EngagementShards.Count > 0;
}
