using Microsoft.Extensions.Logging;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.Grains.Common;
using Spotlight.Grains.Domain;

namespace Spotlight.Grains.Titles;

public sealed class TitleHubGrain : Grain, ITitleHubGrain
{
    /// <summary>Visits and clicks are written at most this often: a hub can be visited thousands of times a
    /// second, and a crash loses at most this much of its counts.</summary>
    private static readonly TimeSpan CountsWriteInterval = TimeSpan.FromSeconds(2);

    private readonly IPersistentState<TitleHubState> _state;
    private readonly TimeProvider _clock;
    private readonly FollowUp _index;
    private bool _countsBehind;

    public TitleHubGrain(
        [PersistentState("title-hub", StorageNames.Default)] IPersistentState<TitleHubState> state,
        TimeProvider clock,
        ILogger<TitleHubGrain> logger)
    {
        _state = state;
        _clock = clock;
        _index = new FollowUp(this, IndexAsync, logger);
    }

    private TitleHubState State => _state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(WriteCountsAsync, new GrainTimerCreationOptions(CountsWriteInterval, CountsWriteInterval));
        if (State.Title is not null && !State.Indexed)
        {
            await _index.RunAsync();
        }
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

        (State.Title, State.Indexed) = (title, false);
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
            _countsBehind = true;
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
        return Task.FromResult(HubClickOutcome.Counted);
    }

    public Task<HubCounts> GetHubCountsAsync() =>
        Task.FromResult(new HubCounts(State.Visits, new Dictionary<string, long>(State.Clicks, StringComparer.Ordinal)));

    public async Task AddLinkedVideoAsync(string videoId)
    {
        if (State.Title is not null && !State.LinkedVideos.Contains(videoId))
        {
            State.LinkedVideos.Add(videoId);
            await _state.WriteOrDropActivationAsync(this);
        }
    }

    public Task<IReadOnlyList<string>> GetLinkedVideosAsync() => Task.FromResult<IReadOnlyList<string>>([.. State.LinkedVideos]);

    private async Task WriteCountsAsync()
    {
        if (_countsBehind)
        {
            _countsBehind = false;
            await _state.WriteStateAsync();
        }
    }

    /// <summary>Lists the title under each of its terms (idempotent on the index side).</summary>
    private async Task IndexAsync()
    {
        var title = State.Title!;
        foreach (var key in TitleTerms.TitleKeys(title.Hashtags, title.Keywords, title.VisualTags).Distinct(StringComparer.Ordinal))
        {
            await GrainFactory.GetGrain<ITitleTermIndexGrain>(key).AddAsync(title.Id);
        }

        State.Indexed = true;
        await _state.WriteStateAsync();
    }
}
