using Spotlight.Grains.Engagement.Directory;

namespace Spotlight.Grains.Engagement.Projection;

/// <summary>
/// A projector's routes of the videos it has seen: entries from the video directory (read in bulk for a
/// delivery's new videos), matched against the silo's title index again when the index has grown. A
/// video's link changes reach the projector through <see cref="Forget"/>. Bounded: when full it starts over.
/// </summary>
public sealed class ProjectorRoutes(IVideoDirectory directory, TitleMatchIndex titles)
{
    public const int Capacity = 500_000;

    private readonly Dictionary<string, VideoRoute> _routes = new(StringComparer.Ordinal);

    public void Forget(string videoId) => _routes.Remove(videoId);

    /// <summary>The routes of these videos (a video unknown to the directory has none).</summary>
    /// <param name="found">Where to put them (cleared first; a new dictionary when null).</param>
    public async Task<Dictionary<string, VideoRoute>> ResolveAsync(IReadOnlyCollection<string> videoIds, CancellationToken cancellationToken, Dictionary<string, VideoRoute>? found = null)
    {
        await titles.EnsureFreshAsync(cancellationToken);
        var version = titles.Version;
        found ??= new Dictionary<string, VideoRoute>(videoIds.Count, StringComparer.Ordinal);
        found.Clear();
        List<string>? misses = null;
        foreach (var id in videoIds)
        {
            if (_routes.TryGetValue(id, out var route))
            {
                if (route.IndexVersion != version)
                {
                    _routes[id] = route = route with { MatchingTitles = titles.Match(route.Entry), IndexVersion = version };
                }

                found[id] = route;
            }
            else
            {
                (misses ??= []).Add(id);
            }
        }

        if (misses is null)
        {
            return found;
        }

        if (_routes.Count + misses.Count > Capacity)
        {
            _routes.Clear();
        }

        foreach (var (id, entry) in await directory.ResolveAsync(misses, cancellationToken))
        {
            found[id] = _routes[id] = new VideoRoute(entry, titles.Match(entry), version);
        }

        return found;
    }
}
