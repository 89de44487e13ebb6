using System.Text;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Titles;

namespace Spotlight.Domain;

/// <summary>
/// The title list (<c>GET /api/titles</c>): a search over names, hashtags and cast, most engaged first, a page
/// at a time. The cursor is the last row's place in that order (engagement, then id), so a page never repeats
/// a row of the one before; a title whose engagement grows past the cursor meanwhile is not shown again.
/// </summary>
public static class TitleBrowsing
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxQueryLength = 100;

    public static (TitleKind? Kind, int Limit, IReadOnlyList<FieldError> Errors) ValidateQuery(string? query, string? kind, string? cursor, int? limit)
    {
        var errors = new List<FieldError>();
        if (query is { Length: > MaxQueryLength })
        {
            errors.Add(new("query", $"At most {MaxQueryLength} characters."));
        }

        var parsedKind = kind is null ? null : TitleRules.ParseKind(kind);
        if (kind is not null && parsedKind is null)
        {
            errors.Add(new("kind", "Either \"movie\" or \"show\"."));
        }

        if (cursor is not null && ReadCursor(cursor) is null)
        {
            errors.Add(new("cursor", "A cursor as the previous page's nextCursor gave it."));
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors.Add(new("limit", $"From 1 to {MaxLimit}."));
        }

        return (parsedKind, limit ?? DefaultLimit, errors);
    }

    public static bool Matches(TitleListing title, string? query, TitleKind? kind)
    {
        if (kind is not null && title.Kind != kind)
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return true;
        }

        var text = query.Trim();
        var tag = text.TrimStart('#');
        return title.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
            || title.Hashtags.Any(h => h.Contains(tag, StringComparison.OrdinalIgnoreCase))
            || title.CastNames.Any(c => c.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The page after <paramref name="cursor"/> (from the start when null) of the matching titles.</summary>
    public static TitlePage Page(IEnumerable<TitleListing> titles, string? query, TitleKind? kind, string? cursor, int limit)
    {
        var after = cursor is null ? null : ReadCursor(cursor);
        var page = titles
            .Where(t => Matches(t, query, kind) && (after is not { } a || ComesAfter(t, a.Engagement, a.Id)))
            .OrderByDescending(t => t.Engagement)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        return page.Count > limit
            ? new TitlePage([.. page.Take(limit)], WriteCursor(page[limit - 1]))
            : new TitlePage(page, null);
    }

    private static bool ComesAfter(TitleListing title, long engagement, string id) =>
        title.Engagement < engagement || (title.Engagement == engagement && string.CompareOrdinal(title.Id, id) > 0);

    private static string WriteCursor(TitleListing last) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{last.Engagement}:{last.Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (long Engagement, string Id)? ReadCursor(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && long.TryParse(text.AsSpan(0, colon), out var engagement) && ResourceIdRules.IsValid(text[(colon + 1)..])
                ? (engagement, text[(colon + 1)..])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
