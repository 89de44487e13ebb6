namespace Spotlight.GrainInterfaces.Titles;

/// <summary>A movie or show (key: title id): hub content, link rules, hub visits and click-throughs.</summary>
[Alias("Spotlight.Titles.ITitleHubGrain")]
public interface ITitleHubGrain : IGrainWithStringKey
{
    [Alias("CreateAsync")]
    Task<CommandResult<TitleCreateOutcome, TitleDetails>> CreateAsync(CreateTitleCommand command);

    /// <summary>The title, or null when none has this id.</summary>
    [Alias("GetAsync")]
    Task<TitleDetails?> GetAsync();

    /// <summary>The title for its hub page, counting a visit; null when none has this id.</summary>
    [Alias("VisitAsync")]
    Task<TitleDetails?> VisitAsync();

    /// <summary>Counts a click-through to one of the title's where-to-watch providers.</summary>
    [Alias("ClickAsync")]
    Task<HubClickOutcome> ClickAsync(string provider);

    [Alias("GetHubCountsAsync")]
    Task<HubCounts> GetHubCountsAsync();

    /// <summary>Remembers a video whose link to this title was approved (idempotent). The hub shows it while
    /// the video still links here; a violation removes the link on the video, which the hub reads.</summary>
    [Alias("AddLinkedVideoAsync")]
    Task AddLinkedVideoAsync(string videoId);

    [Alias("GetLinkedVideosAsync")]
    Task<IReadOnlyList<string>> GetLinkedVideosAsync();
}
