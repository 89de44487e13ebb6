namespace Spotlight.Grains.Engagement.Directory;

/// <summary>The titles' match terms, in the order they were registered, so every silo's
/// <see cref="TitleMatchIndex"/> can read just what is new. Titles cannot be edited, so it only grows.</summary>
public interface ITitleDirectory
{
    /// <summary>Registers a title (idempotent).</summary>
    Task RegisterAsync(TitleMatchTerms terms, CancellationToken cancellationToken);

    /// <summary>Titles registered after position <paramref name="after"/>, and the position of the last.</summary>
    Task<(IReadOnlyList<TitleMatchTerms> Titles, long Last)> ReadSinceAsync(long after, CancellationToken cancellationToken);
}
