namespace Spotlight.GrainInterfaces.Titles;

/// <summary>
/// The titles that match on one term (key: <c>hashtag:{tag}</c>, <c>keyword:{first word}</c> or
/// <c>visual:{tag}</c>, see <c>TitleTerms</c>), so that finding a video's candidate titles asks one grain
/// per term of the video instead of scanning every title.
/// </summary>
[Alias("Spotlight.Titles.ITitleTermIndexGrain")]
public interface ITitleTermIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds the title (idempotent).</summary>
    [Alias("AddAsync")]
    Task AddAsync(string titleId);

    [Alias("GetTitlesAsync")]
    Task<IReadOnlyList<string>> GetTitlesAsync();
}
