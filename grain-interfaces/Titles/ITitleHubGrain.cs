namespace Spotlight.GrainInterfaces.Titles;

/// <summary>A movie or show (key: title id): hub content, link rules, hub visits and click-throughs,
/// linked videos and creator campaigns.</summary>
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

    /// <summary>A linked video's creator, views and link standing, sent by the video when it is linked and when
    /// the link is removed. Campaign rewards are issued from these.</summary>
    [Alias("ReportLinkedVideoAsync")]
    Task ReportLinkedVideoAsync(LinkedVideoReport report);

    /// <summary>Views of linked videos, sent by the engagement projectors as they grow. Only videos the title
    /// holds as linked are updated: a projector's view of a link may be a moment old, and it never links or
    /// unlinks anything.</summary>
    [Alias("UpdateLinkedViewsAsync")]
    Task UpdateLinkedViewsAsync(IReadOnlyList<LinkedVideoReport> reports);

    /// <summary>Videos whose link to this title stands, in order of linking.</summary>
    [Alias("GetLinkedVideosAsync")]
    Task<IReadOnlyList<string>> GetLinkedVideosAsync();

    /// <summary>Creates a campaign; creators whose linked views already reach its threshold earn at once.</summary>
    [Alias("CreateCampaignAsync")]
    Task<CommandResult<CampaignCreateOutcome, Campaign>> CreateCampaignAsync(CreateCampaignCommand command);

    /// <summary>The title's campaigns with what each has issued.</summary>
    [Alias("GetCampaignsAsync")]
    Task<IReadOnlyList<Campaign>> GetCampaignsAsync();
}
