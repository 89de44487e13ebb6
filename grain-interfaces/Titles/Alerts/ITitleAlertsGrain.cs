namespace Spotlight.GrainInterfaces.Titles.Alerts;

/// <summary>A title's trend alerts (key: title id): its studio's rules, and the alerts they fired. Rules are
/// evaluated by the engagement projectors as deliveries are applied; this grain only adds and reads.</summary>
[Alias("Spotlight.Titles.ITitleAlertsGrain")]
public interface ITitleAlertsGrain : IGrainWithStringKey
{
    /// <summary>Adds a rule (the caller checked that the title exists and who may); it counts every delivery
    /// committed after this returns.</summary>
    [Alias("AddRuleAsync")]
    Task<CommandResult<AlertRuleAdded, AlertRule>> AddRuleAsync(CreateAlertRuleCommand command, string createdBy);

    [Alias("GetRulesAsync")]
    Task<IReadOnlyList<AlertRule>> GetRulesAsync();

    /// <summary>Fired alerts, newest first, before <paramref name="beforeSequence"/> (from the newest when null).</summary>
    [Alias("GetFiredAsync")]
    Task<IReadOnlyList<FiredAlert>> GetFiredAsync(long? beforeSequence, int limit);

    /// <summary>Fired alerts after <paramref name="afterSequence"/>, oldest first (what a live watcher has not seen).</summary>
    [Alias("GetFiredSinceAsync")]
    Task<IReadOnlyList<FiredAlert>> GetFiredSinceAsync(long afterSequence, int limit);
}
