using Spotlight.GrainInterfaces.Playlists;

namespace Spotlight.Domain;

/// <summary>
/// A playlist kept in rank order: most popular first, then earliest cleared, then track id. A sorted set
/// plus an index by track makes a popularity change O(log n) (remove, re-insert) instead of a re-sort,
/// which matters once engagement re-ranks tracks many times a second.
/// </summary>
public sealed class PlaylistRanking
{
    private readonly SortedSet<PlaylistEntry> _ordered = new(RankComparer.Instance);
    private readonly Dictionary<string, PlaylistEntry> _byTrack = new(StringComparer.Ordinal);
    private readonly HashSet<string> _verifiedArtists = new(StringComparer.Ordinal);

    public PlaylistRanking(IEnumerable<PlaylistEntry> entries, IEnumerable<string> verifiedArtists)
    {
        _verifiedArtists.UnionWith(verifiedArtists);
        foreach (var entry in entries)
        {
            Add(entry);
        }
    }

    public int Count => _byTrack.Count;

    public IEnumerable<PlaylistEntry> Entries => _ordered;

    public IEnumerable<string> VerifiedArtists => _verifiedArtists;

    /// <summary>Adds a track; false (and no change) when it is already listed.</summary>
    public bool Add(PlaylistEntry entry)
    {
        if (_byTrack.ContainsKey(entry.TrackId))
        {
            return false;
        }

        var listed = _verifiedArtists.Contains(entry.ArtistId) ? entry with { ArtistVerified = true } : entry;
        _byTrack[listed.TrackId] = listed;
        _ordered.Add(listed);
        return true;
    }

    /// <summary>Moves a track to its new place; false when it is not listed or nothing changed.</summary>
    public bool UpdatePopularity(string trackId, long popularity)
    {
        if (!_byTrack.TryGetValue(trackId, out var current) || current.Popularity == popularity)
        {
            return false;
        }

        Replace(current, current with { Popularity = popularity });
        return true;
    }

    /// <summary>Adds points to a track's popularity; false when it is not listed or nothing changed.</summary>
    public bool AddPopularity(string trackId, long points) =>
        _byTrack.TryGetValue(trackId, out var current) && UpdatePopularity(trackId, current.Popularity + points);

    /// <summary>Badges the artist's entries; false when the artist was already known as verified.</summary>
    public bool MarkArtistVerified(string artistId)
    {
        if (!_verifiedArtists.Add(artistId))
        {
            return false;
        }

        foreach (var entry in _byTrack.Values.Where(e => e.ArtistId == artistId && !e.ArtistVerified).ToList())
        {
            Replace(entry, entry with { ArtistVerified = true });
        }

        return true;
    }

    public IReadOnlyList<PlaylistEntry> Top(int limit) => [.. _ordered.Take(limit)];

    private void Replace(PlaylistEntry current, PlaylistEntry updated)
    {
        _ordered.Remove(current);
        _ordered.Add(updated);
        _byTrack[updated.TrackId] = updated;
    }

    /// <summary>Rank order; total, so that distinct tracks never compare equal in the sorted set.</summary>
    public sealed class RankComparer : IComparer<PlaylistEntry>
    {
        public static readonly RankComparer Instance = new();

        public int Compare(PlaylistEntry? x, PlaylistEntry? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? 1 : -1;
            }

            var byPopularity = y.Popularity.CompareTo(x.Popularity);
            if (byPopularity != 0)
            {
                return byPopularity;
            }

            var byClearance = x.ClearedAt.CompareTo(y.ClearedAt);
            return byClearance != 0 ? byClearance : string.CompareOrdinal(x.TrackId, y.TrackId);
        }
    }
}
