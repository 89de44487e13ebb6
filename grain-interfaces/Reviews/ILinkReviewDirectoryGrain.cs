namespace Spotlight.GrainInterfaces.Reviews;

/// <summary>The titles that have link reviews (one grain, key <see cref="Key"/>): written once per title, when
/// its queue gets its first review, so it stays small and quiet however many reviews there are.</summary>
[Alias("Spotlight.Reviews.ILinkReviewDirectoryGrain")]
public interface ILinkReviewDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "links";

    [Alias("AddTitleAsync")]
    Task AddTitleAsync(string titleId);

    [Alias("GetTitlesAsync")]
    Task<IReadOnlyList<string>> GetTitlesAsync();
}
