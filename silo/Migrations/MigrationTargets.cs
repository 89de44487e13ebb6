using Spotlight.Silo.Configuration;
using Spotlight.Silo.Engagement.Shards;

namespace Spotlight.Silo.Migrations;

/// <summary>The databases migrations apply to: the main one, then each engagement shard (once each).</summary>
public static class MigrationTargets
{
    public static IReadOnlyList<string> Of(PostgresSettings postgres) =>
        [.. new[] { postgres.ConnectionString! }
            .Concat(EngagementShardList.IsSharded(postgres) ? EngagementShardList.From(postgres).Select(s => s.ConnectionString) : [])
            .Distinct(StringComparer.Ordinal)];
}
