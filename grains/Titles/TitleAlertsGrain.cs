using Orleans.Concurrency;
using Spotlight.Domain.Alerts;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Titles.Alerts;
using Spotlight.Grains.Engagement.Alerts;

namespace Spotlight.Grains.Titles;

/// <summary>A title's trend alerts: checks and adds rules, reads fired alerts. Keeps nothing itself (the store
/// holds rules, counts and firings), so any silo may answer for it.</summary>
[StatelessWorker]
public sealed class TitleAlertsGrain(IAlertStore store, TimeProvider clock) : Grain, ITitleAlertsGrain
{
    public async Task<CommandResult<AlertRuleAdded, AlertRule>> AddRuleAsync(CreateAlertRuleCommand command, string createdBy)
    {
        // Whole milliseconds: the time reads back the same from any store.
        var now = clock.GetUtcNow();
        var (rule, errors) = AlertRules.Validate(this.GetPrimaryKeyString(), command, createdBy, now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond)));
        if (rule is null)
        {
            return new(AlertRuleAdded.Invalid, null, errors);
        }

        var added = await store.AddRuleAsync(rule, AlertRetention.MaxRulesPerTitle, CancellationToken.None);
        return new(added, added == AlertRuleAdded.Added ? rule : null, []);
    }

    public Task<IReadOnlyList<AlertRule>> GetRulesAsync() => store.ReadRulesAsync(this.GetPrimaryKeyString(), CancellationToken.None);

    public Task<IReadOnlyList<FiredAlert>> GetFiredAsync(long? beforeSequence, int limit) =>
        store.ReadFiredAsync(this.GetPrimaryKeyString(), beforeSequence, limit, CancellationToken.None);

    public Task<IReadOnlyList<FiredAlert>> GetFiredSinceAsync(long afterSequence, int limit) =>
        store.ReadFiredSinceAsync(this.GetPrimaryKeyString(), afterSequence, limit, CancellationToken.None);
}
