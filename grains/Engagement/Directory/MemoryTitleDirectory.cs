namespace Spotlight.Grains.Engagement.Directory;

/// <summary>Embedded mode's title directory: a list in this process.</summary>
public sealed class MemoryTitleDirectory : ITitleDirectory
{
    private readonly Lock _gate = new();
    private readonly List<TitleMatchTerms> _titles = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public Task RegisterAsync(TitleMatchTerms terms, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_ids.Add(terms.TitleId))
            {
                _titles.Add(terms);
            }
        }

        return Task.CompletedTask;
    }

    public Task<(IReadOnlyList<TitleMatchTerms> Titles, long Last)> ReadSinceAsync(long after, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var start = (int)Math.Min(after, _titles.Count);
            return Task.FromResult<(IReadOnlyList<TitleMatchTerms>, long)>((_titles.GetRange(start, _titles.Count - start), _titles.Count));
        }
    }
}
