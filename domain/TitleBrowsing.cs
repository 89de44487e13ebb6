using System.Text;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Titles;

namespace Spotlight.Domain;

/// <summary>
/// The title list (<c>GET /api/titles</c>): a search over names, hashtags and cast, most engaged (or most
/// trending) first, a page at a time. The cursor is the last row's place in that order (the figure, then id),
/// so a page never repeats a row of the one before; a title whose figure grows past the cursor meanwhile is
/// not shown again. A cursor names its order, so it cannot continue a list in another.
/// </summary>
public static class TitleBrowsing
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxQueryLength = 100;

    public static readonly IReadOnlyDictionary<string, TitleOrder> Orders = new Dictionary<string, TitleOrder>(StringComparer.Ordinal)
    {
        ["engaged"] = TitleOrder.Engaged,
        ["trending"] = TitleOrder.Trending,
    };

    public static (TitleKind? Kind, TitleOrder Order, int Limit, IReadOnlyList<FieldError> Errors) ValidateQuery(
        string? query, string? kind, string? sort, string? cursor, int? limit)
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

        var order = TitleOrder.Engaged;
        if (sort is not null && !Orders.TryGetValue(sort, out order))
        {
            errors.Add(new("sort", "Either \"engaged\" or \"trending\"."));
        }

        if (cursor is not null && ReadCursor(cursor)?.Order != order)
        {
            errors.Add(new("cursor", "A cursor as the previous page's nextCursor gave it, with the same sort."));
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors.Add(new("limit", $"From 1 to {MaxLimit}."));
        }

        return (parsedKind, order, limit ?? DefaultLimit, errors);
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

    /// <summary>The page after <paramref name="cursor"/> (from the start when null) of the matching titles, whose
    /// <see cref="TitleListing.Trending"/> the caller has worked out.</summary>
    public static TitlePage Page(IEnumerable<TitleListing> titles, string? query, TitleKind? kind, TitleOrder order, string? cursor, int limit)
    {
        var after = cursor is null ? null : ReadCursor(cursor);
        var page = titles
            .Where(t => Matches(t, query, kind) && (after is not { } a || ComesAfter(t, order, a.Figure, a.Id)))
            .OrderByDescending(t => Figure(t, order))
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        return page.Count > limit
            ? new TitlePage([.. page.Take(limit)], WriteCursor(page[limit - 1], order))
            : new TitlePage(page, null);
    }

    private static long Figure(TitleListing title, TitleOrder order) => order == TitleOrder.Trending ? title.Trending : title.Engagement;

    private static bool ComesAfter(TitleListing title, TitleOrder order, long figure, string id) =>
        Figure(title, order) < figure || (Figure(title, order) == figure && string.CompareOrdinal(title.Id, id) > 0);

    private static string WriteCursor(TitleListing last, TitleOrder order) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Orders.First(o => o.Value == order).Key}:{Figure(last, order)}:{last.Id}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (TitleOrder Order, long Figure, string Id)? ReadCursor(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':', 3);
            return parts.Length == 3 && Orders.TryGetValue(parts[0], out var order) && long.TryParse(parts[1], out var figure) && ResourceIdRules.IsValid(parts[2])
                ? (order, figure, parts[2])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
