using Npgsql;
using Spotlight.Grains.Engagement.Directory;

namespace Spotlight.Silo.Engagement;

/// <summary>The title directory in PostgreSQL (table <c>spotlight_title</c>, migration 0006). Writers lock
/// the table against each other, so positions (<c>seq</c>) commit in order and a reader that has seen
/// position n never misses a title below it.</summary>
public sealed class PostgresTitleDirectory(NpgsqlDataSource db) : ITitleDirectory
{
    public async Task RegisterAsync(TitleMatchTerms terms, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE spotlight_title IN SHARE ROW EXCLUSIVE MODE", connection, transaction))
        {
            await lockTable.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = new NpgsqlCommand("""
            INSERT INTO spotlight_title (title_id, hashtags, keywords, visual_tags, min_followers, min_views)
            VALUES (@id, @hashtags, @keywords, @visual, @followers, @views)
            ON CONFLICT (title_id) DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", terms.TitleId);
            insert.Parameters.AddWithValue("hashtags", terms.Hashtags.ToArray());
            insert.Parameters.AddWithValue("keywords", terms.Keywords.ToArray());
            insert.Parameters.AddWithValue("visual", terms.VisualTags.ToArray());
            insert.Parameters.AddWithValue("followers", terms.MinFollowers);
            insert.Parameters.AddWithValue("views", terms.MinViews);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<(IReadOnlyList<TitleMatchTerms> Titles, long Last)> ReadSinceAsync(long after, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT title_id, hashtags, keywords, visual_tags, min_followers, min_views, seq
              FROM spotlight_title WHERE seq > @after ORDER BY seq
            """);
        command.Parameters.AddWithValue("after", after);
        var titles = new List<TitleMatchTerms>();
        var last = after;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            titles.Add(new TitleMatchTerms(
                reader.GetString(0), reader.GetFieldValue<string[]>(1), reader.GetFieldValue<string[]>(2), reader.GetFieldValue<string[]>(3),
                reader.GetInt64(4), reader.GetInt64(5)));
            last = reader.GetInt64(6);
        }

        return (titles, last);
    }
}
