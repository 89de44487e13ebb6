namespace Spotlight.Grains.Engagement.Alerts;

/// <summary>What one alert count is kept under: a rule of a title, one of its windows (an index, see
/// <c>AlertWindows</c>) and the subject the rule counts (the whole title "", a video or a hashtag).</summary>
public readonly record struct AlertKey(string TitleId, string RuleId, long Window, string Subject)
{
    /// <summary>The rule's window the key counts for: what fires, at most once.</summary>
    public (string TitleId, string RuleId, long Window) RuleWindow => (TitleId, RuleId, Window);
}
