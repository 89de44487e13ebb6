using Microsoft.Extensions.Logging;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Creators;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Studios;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.Grains.Common;
using Spotlight.Domain;
using Spotlight.Domain.Analytics;
using Spotlight.Grains.Engagement.Directory;

namespace Spotlight.Grains.Titles;

public sealed class TitleHubGrain : Grain, ITitleHubGrain
{
    /// <summary>Visits and clicks are written at most this often: a hub can be visited thousands of times a
    /// second, and a crash loses at most this much of its counts.</summary>
    private static readonly TimeSpan CountsWriteInterval = TimeSpan.FromSeconds(2);

    private readonly IPersistentState<TitleHubState> _state;
    private readonly ITitleDirectory _titles;
    private readonly TimeProvider _clock;
    private readonly FollowUp _index;
    private readonly FollowUp _handOver;
    private bool _countsBehind;
    /// <summary>Visits or linked views changed since the title list last heard (true on activation, so a fresh
    /// activation reports once).</summary>
    private bool _engagementChanged = true;

    /// <summary>Visits and clicks per minute not yet handed to the title's day analytics.</summary>
    private readonly Dictionary<long, TitleMinuteCounts> _activity = [];

    public TitleHubGrain(
        [PersistentState("title-hub", StorageNames.Default)] IPersistentState<TitleHubState> state,
        ITitleDirectory titles,
        TimeProvider clock,
        ILogger<TitleHubGrain> logger)
    {
        _state = state;
        _titles = titles;
        _clock = clock;
        _index = new FollowUp(this, IndexAsync, logger);
        _handOver = new FollowUp(this, HandOverOwedRewardsAsync, logger);
    }

    private TitleHubState State => _state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(WriteCountsAsync, new GrainTimerCreationOptions(CountsWriteInterval, CountsWriteInterval));
        if (State.Title is not null && !(State.Indexed && State.Listed))
        {
            await _index.RunAsync();
        }

        await HandOverRewardsAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await WriteCountsAsync();

    public async Task<CommandResult<TitleCreateOutcome, TitleDetails>> CreateAsync(CreateTitleCommand command)
    {
        if (State.Title is { } existing)
        {
            return new(TitleCreateOutcome.AlreadyExists, existing, []);
        }

        var (title, errors) = TitleRules.Validate(this.GetPrimaryKeyString(), command, _clock.GetUtcNow());
        if (title is null)
        {
            return new(TitleCreateOutcome.Invalid, null, errors);
        }

        (State.Title, State.Indexed, State.Listed) = (title, false, false);
        await _state.WriteOrDropActivationAsync(this);
        await _index.RunAsync();
        return new(TitleCreateOutcome.Created, title, []);
    }

    public Task<TitleDetails?> GetAsync() => Task.FromResult(State.Title);

    public Task<TitleDetails?> VisitAsync()
    {
        if (State.Title is not null)
        {
            State.Visits++;
            TrendingWindow.Add(State.RecentHours, _clock.GetUtcNow(), 1);
            (_countsBehind, _engagementChanged) = (true, true);
            AddActivity(new Dictionary<string, long>(), visits: 1);
        }

        return Task.FromResult(State.Title);
    }

    public Task<HubClickOutcome> ClickAsync(string provider)
    {
        if (State.Title is not { } title)
        {
            return Task.FromResult(HubClickOutcome.UnknownTitle);
        }

        if (!title.WhereToWatch.Any(w => w.Provider == provider))
        {
            return Task.FromResult(HubClickOutcome.UnknownProvider);
        }

        State.Clicks[provider] = State.Clicks.GetValueOrDefault(provider) + 1;
        _countsBehind = true;
        AddActivity(new Dictionary<string, long> { [provider] = 1 }, visits: 0);
        return Task.FromResult(HubClickOutcome.Counted);
    }

    public Task<HubCounts> GetHubCountsAsync() =>
        Task.FromResult(new HubCounts(State.Visits, new Dictionary<string, long>(State.Clicks, StringComparer.Ordinal)));

    public async Task ReportLinkedVideoAsync(LinkedVideoReport report)
    {
        if (State.Title is null)
        {
            return;
        }

        if (!State.LinkedVideos.TryGetValue(report.VideoId, out var video))
        {
            if (!report.Linked)
            {
                return;
            }

            video = new LinkedVideo { CreatorId = report.CreatorId, Order = State.LinkedCount++ };
            State.LinkedVideos[report.VideoId] = video;
        }
        else if (video.Linked == report.Linked && report.Views <= video.Views)
        {
            return;
        }

        // Views only grow; a report overtaken by a newer one cannot take them back. A video linked now brings
        // its views so far into the trending figure: that is when the title gained them.
        if (report.Linked)
        {
            TrendingWindow.Add(State.RecentHours, _clock.GetUtcNow(), video.Linked ? report.Views - video.Views : Math.Max(video.Views, report.Views));
        }

        (video.Linked, video.Views) = (report.Linked, Math.Max(video.Views, report.Views));
        _engagementChanged = true;
        IssueRewards(report.CreatorId);
        await _state.WriteOrDropActivationAsync(this);
        await HandOverRewardsAsync();
    }

    public async Task UpdateLinkedViewsAsync(IReadOnlyList<LinkedVideoReport> reports)
    {
        var creators = new HashSet<string>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            if (State.LinkedVideos.TryGetValue(report.VideoId, out var video) && video.Linked && report.Views > video.Views)
            {
                TrendingWindow.Add(State.RecentHours, _clock.GetUtcNow(), report.Views - video.Views);
                video.Views = report.Views;
                creators.Add(video.CreatorId);
            }
        }

        if (creators.Count == 0)
        {
            return;
        }

        var owed = State.RewardsOwed.Count;
        foreach (var creator in creators)
        {
            IssueRewards(creator);
        }

        // Views alone are written with the hub counts (a lost update is repeated by the next report); an
        // issued reward is written before it is handed over.
        (_countsBehind, _engagementChanged) = (true, true);
        if (State.RewardsOwed.Count > owed)
        {
            await _state.WriteOrDropActivationAsync(this);
            await HandOverRewardsAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetLinkedVideosAsync() => Task.FromResult<IReadOnlyList<string>>([.. State.LinkedVideos
        .Where(v => v.Value.Linked)
        .OrderBy(v => v.Value.Order)
        .Select(v => v.Key)]);

    public async Task<CommandResult<CampaignCreateOutcome, Campaign>> CreateCampaignAsync(CreateCampaignCommand command)
    {
        if (State.Title is not { } title)
        {
            return new(CampaignCreateOutcome.UnknownTitle, null, []);
        }

        if (State.Campaigns.FirstOrDefault(c => c.Id == command.Id) is { } existing)
        {
            return new(CampaignCreateOutcome.AlreadyExists, existing, []);
        }

        var (campaign, errors) = CampaignRules.Validate(title.Id, command, _clock.GetUtcNow());
        if (State.Campaigns.Count >= CampaignRules.MaxCampaignsPerTitle)
        {
            errors = [.. errors, new FieldError("id", $"A title has at most {CampaignRules.MaxCampaignsPerTitle} campaigns.")];
        }

        if (campaign is null || errors.Count > 0)
        {
            return new(CampaignCreateOutcome.Invalid, null, errors);
        }

        State.Campaigns.Add(campaign);
        State.Earned[campaign.Id] = new(StringComparer.Ordinal);
        // Creators already over the threshold earn now, most linked views first.
        foreach (var creator in LinkedViewsByCreator().OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            IssueRewards(creator.Key);
        }

        await _state.WriteOrDropActivationAsync(this);
        await HandOverRewardsAsync();
        return new(CampaignCreateOutcome.Created, State.Campaigns[^1], []);
    }

    public Task<IReadOnlyList<Campaign>> GetCampaignsAsync() => Task.FromResult<IReadOnlyList<Campaign>>([.. State.Campaigns]);

    /// <summary>Issues the creator the next reward of each campaign it now qualifies for and has not earned in
    /// (in memory; the caller writes the state before anything is handed over).</summary>
    private void IssueRewards(string creatorId)
    {
        // Every linked video's report comes through here; most titles run no campaign.
        if (State.Campaigns.Count == 0)
        {
            return;
        }

        var linkedViews = State.LinkedVideos.Values.Where(v => v.Linked && v.CreatorId == creatorId).Sum(v => v.Views);
        var now = _clock.GetUtcNow();
        for (var i = 0; i < State.Campaigns.Count; i++)
        {
            var earned = State.Earned[State.Campaigns[i].Id];
            if (earned.ContainsKey(creatorId) || CampaignAwards.TryIssue(State.Campaigns[i], linkedViews) is not { } issued)
            {
                continue;
            }

            var (campaign, reward) = issued;

            State.Campaigns[i] = campaign;
            var creatorReward = new CreatorReward(campaign.TitleId, campaign.Id, campaign.Name, reward.Kind, reward.Description, linkedViews, now);
            earned[creatorId] = creatorReward;
            State.RewardsOwed.Add(new OwedReward(creatorId, creatorReward));
        }
    }

    private Dictionary<string, long> LinkedViewsByCreator()
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var video in State.LinkedVideos.Values.Where(v => v.Linked))
        {
            totals[video.CreatorId] = totals.GetValueOrDefault(video.CreatorId) + video.Views;
        }

        return totals;
    }

    private Task HandOverRewardsAsync() => State.RewardsOwed.Count == 0 ? Task.CompletedTask : _handOver.RunAsync();

    /// <summary>Tells each creator's reward list about rewards issued here (idempotent there, one per campaign).</summary>
    private async Task HandOverOwedRewardsAsync()
    {
        foreach (var owed in State.RewardsOwed.ToList())
        {
            await GrainFactory.GetGrain<ICreatorRewardsGrain>(owed.CreatorId).AddAsync(owed.Reward);
        }

        State.RewardsOwed.Clear();
        await _state.WriteStateAsync();
    }

    private void AddActivity(Dictionary<string, long> clicks, long visits)
    {
        var minute = EventMinutes.MinuteOf(_clock.GetUtcNow());
        var added = new TitleMinuteCounts(minute, EngagementCounters.Zero, EngagementCounters.Zero, visits, clicks);
        _activity[minute] = _activity.TryGetValue(minute, out var current) ? TitleMinuteMath.Add(current, added) : added;
    }

    private async Task WriteCountsAsync()
    {
        if (_countsBehind)
        {
            _countsBehind = false;
            await _state.WriteStateAsync();
        }

        // Summed only after a change: an idle hub does not walk its linked videos every tick.
        if (_engagementChanged && State is { Title: { } title, Listed: true })
        {
            // Orleans copies the hours for the call, so the list never shares the hub's own dictionary.
            await GrainFactory.GetGrain<ITitleCatalogGrain>(0).SetEngagementAsync(title.Id, Engagement(), State.RecentHours);
            _engagementChanged = false;
        }

        // Day by day, each day's minutes forgotten only once its grain has them.
        foreach (var day in _activity.Values.GroupBy(m => TitleAnalyticsKeys.DayOf(m.Minute)).ToList())
        {
            await GrainFactory.GetGrain<ITitleDayAnalyticsGrain>(TitleAnalyticsKeys.Day(this.GetPrimaryKeyString(), day.Key)).AddHubActivityAsync([.. day]);
            foreach (var minute in day)
            {
                _activity.Remove(minute.Minute);
            }
        }
    }

    /// <summary>What the title list orders by: hub visits plus the views of the videos linked here now.</summary>
    private long Engagement() => State.Visits + State.LinkedVideos.Values.Where(v => v.Linked).Sum(v => v.Views);

    /// <summary>Lists the title under each of its terms, in the engagement pipeline's title directory, in its
    /// studio's titles and in the title list (idempotent on their side).</summary>
    private async Task IndexAsync()
    {
        var title = State.Title!;
        await GrainFactory.GetGrain<ITitleCatalogGrain>(0).PutAsync(new TitleListing(
            title.Id, title.Name, title.Kind, title.Hashtags, [.. title.Cast.Select(c => c.Name).OfType<string>()], Engagement()));
        await GrainFactory.GetGrain<IStudioTitlesGrain>(title.StudioId).AddAsync(title.Id);
        await _titles.RegisterAsync(
            new TitleMatchTerms(title.Id, title.Hashtags, title.Keywords, title.VisualTags, title.MinFollowers, title.MinViews), CancellationToken.None);
        foreach (var key in TitleTerms.TitleKeys(title.Hashtags, title.Keywords, title.VisualTags).Distinct(StringComparer.Ordinal))
        {
            await GrainFactory.GetGrain<ITitleTermIndexGrain>(key).AddAsync(title.Id);
        }

        (State.Indexed, State.Listed) = (true, true);
        await _state.WriteStateAsync();
    }
}
