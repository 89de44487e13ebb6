using Spotlight.Domain;

namespace Spotlight.Grains.Engagement.Directory;

/// <summary>
/// Every title's match terms, indexed by term, in each silo's memory: the projectors find the titles a video
/// matches without a grain call. It reads new titles from the <see cref="ITitleDirectory"/> at most every
/// <see cref="RefreshInterval"/>, so a new title counts in analytics and link reviews within that.
/// </summary>
public sealed class TitleMatchIndex(ITitleDirectory directory, TimeProvider clock)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly Dictionary<string, TitleMatchTerms> _titles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byKey = new(StringComparer.Ordinal);
    private volatile Snapshot _snapshot = new(0, new Dictionary<string, TitleMatchTerms>(), new Dictionary<string, string[]>());
    private long _read;
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    /// <summary>Grows by one each time titles are added, so cached matches can tell they may be stale.</summary>
    public long Version => _snapshot.Version;

    public async Task EnsureFreshAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - _refreshedAt < RefreshInterval)
        {
            return;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - _refreshedAt < RefreshInterval)
            {
                return;
            }

            var (titles, last) = await directory.ReadSinceAsync(_read, cancellationToken);
            if (titles.Count > 0)
            {
                foreach (var title in titles)
                {
                    _titles[title.TitleId] = title;
                    foreach (var key in TitleTerms.TitleKeys(title.Hashtags, title.Keywords, title.VisualTags).Distinct(StringComparer.Ordinal))
                    {
                        if (!_byKey.TryGetValue(key, out var ids))
                        {
                            _byKey[key] = ids = [];
                        }

                        ids.Add(title.TitleId);
                    }
                }

                // Readers use the snapshot without a lock; each refresh publishes a new one.
                _snapshot = new Snapshot(
                    _snapshot.Version + 1,
                    new Dictionary<string, TitleMatchTerms>(_titles, StringComparer.Ordinal),
                    _byKey.ToDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal));
            }

            (_read, _refreshedAt) = (last, clock.GetUtcNow());
        }
        finally
        {
            _refresh.Release();
        }
    }

    public TitleMatchTerms? Title(string titleId) => _snapshot.Titles.GetValueOrDefault(titleId);

    /// <summary>The ids of the titles the video matches, in id order.</summary>
    public string[] Match(VideoEntry video)
    {
        var snapshot = _snapshot;
        if (snapshot.Titles.Count == 0)
        {
            return [];
        }

        HashSet<string>? candidates = null;
        foreach (var key in TitleTerms.CandidateKeys(video.Hashtags, video.Caption, video.VisualTags))
        {
            if (snapshot.ByKey.TryGetValue(key, out var ids))
            {
                (candidates ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(ids);
            }
        }

        if (candidates is null)
        {
            return [];
        }

        var terms = VideoTerms.Of(video.Hashtags, video.Caption, video.VisualTags);
        return [.. candidates
            .Where(id => snapshot.Titles[id] is var t && TitleMatching.FirstMatch(terms, t.Hashtags, t.Keywords, t.VisualTags) is not null)
            .Order(StringComparer.Ordinal)];
    }

    private sealed record Snapshot(long Version, IReadOnlyDictionary<string, TitleMatchTerms> Titles, IReadOnlyDictionary<string, string[]> ByKey);
}
