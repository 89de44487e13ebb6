using Npgsql;
using Spotlight.Grains.Engagement.Directory;

namespace Spotlight.Silo.Engagement;

/// <summary>The video directory in PostgreSQL (table <c>spotlight_video</c>, migrations 0006 and 0013).</summary>
public sealed class PostgresVideoDirectory(NpgsqlDataSource db) : IVideoDirectory
{
    public async Task RegisterAsync(VideoEntry entry, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO spotlight_video (video_id, track_id, creator_id, creator_followers, hashtags, caption, visual_tags, anchor_link, track_in_season)
            VALUES (@id, @track, @creator, @followers, @hashtags, @caption, @visual, @link, @inSeason)
            ON CONFLICT (video_id) DO UPDATE SET track_id = EXCLUDED.track_id, track_in_season = EXCLUDED.track_in_season, creator_id = EXCLUDED.creator_id,
                creator_followers = EXCLUDED.creator_followers, hashtags = EXCLUDED.hashtags, caption = EXCLUDED.caption,
                visual_tags = EXCLUDED.visual_tags, anchor_link = EXCLUDED.anchor_link
            """);
        command.Parameters.AddWithValue("id", entry.VideoId);
        command.Parameters.AddWithValue("track", (object?)entry.TrackId ?? DBNull.Value);
        command.Parameters.AddWithValue("creator", entry.CreatorId);
        command.Parameters.AddWithValue("followers", entry.CreatorFollowers);
        command.Parameters.AddWithValue("hashtags", entry.Hashtags.ToArray());
        command.Parameters.AddWithValue("caption", entry.Caption);
        command.Parameters.AddWithValue("visual", entry.VisualTags.ToArray());
        command.Parameters.AddWithValue("link", (object?)entry.AnchorLink ?? DBNull.Value);
        command.Parameters.AddWithValue("inSeason", entry.TrackInSeason);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SetAnchorLinkAsync(string videoId, string? titleId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("UPDATE spotlight_video SET anchor_link = @link WHERE video_id = @id");
        command.Parameters.AddWithValue("id", videoId);
        command.Parameters.AddWithValue("link", (object?)titleId ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, VideoEntry>> ResolveAsync(IReadOnlyCollection<string> videoIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, VideoEntry>(videoIds.Count, StringComparer.Ordinal);
        if (videoIds.Count == 0)
        {
            return found;
        }

        await using var command = db.CreateCommand("""
            SELECT video_id, track_id, creator_id, creator_followers, hashtags, caption, visual_tags, anchor_link, track_in_season
              FROM spotlight_video WHERE video_id = ANY(@ids)
            """);
        command.Parameters.AddWithValue("ids", videoIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            found[id] = new VideoEntry(
                id,
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                reader.GetInt64(3),
                reader.GetFieldValue<string[]>(4),
                reader.GetString(5),
                reader.GetFieldValue<string[]>(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetBoolean(8));
        }

        return found;
    }
}
