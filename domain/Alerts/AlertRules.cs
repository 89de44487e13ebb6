using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Titles.Alerts;

namespace Spotlight.Domain.Alerts;

/// <summary>What a valid alert rule is: an id; a kind; a threshold of 1 or more (views, or for hashtag-rising the
/// floor of engagement); a window of whole minutes that divides a day (1 to 1,440: 1, 5, 10, 15, 30, 60, …), so
/// windows line up with UTC days; for hashtag-rising a factor from 1 to 1,000 (default 2).</summary>
public static class AlertRules
{
    public const int MaxWindowMinutes = 1_440;
    public const long MaxThreshold = 1_000_000_000_000;
    public const decimal DefaultFactor = 2m;
    public const decimal MaxFactor = 1_000m;

    public static readonly IReadOnlyDictionary<string, AlertKind> Kinds = new Dictionary<string, AlertKind>(StringComparer.Ordinal)
    {
        ["engagement-rate"] = AlertKind.EngagementRate,
        ["video-breakout"] = AlertKind.VideoBreakout,
        ["hashtag-rising"] = AlertKind.HashtagRising,
    };

    /// <summary>The kind's name as the API writes it.</summary>
    public static string NameOf(AlertKind kind) => Kinds.First(k => k.Value == kind).Key;

    public static (AlertRule? Rule, IReadOnlyList<FieldError> Errors) Validate(string titleId, CreateAlertRuleCommand command, string createdBy, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (!ResourceIdRules.IsValid(command.Id))
        {
            errors.Add(new("id", $"An alert id of {ResourceIdRules.Description}."));
        }

        AlertKind? kind = command.Kind is not null && Kinds.TryGetValue(command.Kind, out var known) ? known : null;
        if (kind is null)
        {
            errors.Add(new("kind", "One of \"engagement-rate\", \"video-breakout\", \"hashtag-rising\"."));
        }

        if (command.Threshold is not (>= 1 and <= MaxThreshold))
        {
            errors.Add(new("threshold", $"From 1 to {MaxThreshold}: views in a window (for hashtag-rising, the least engagement that counts)."));
        }

        if (command.Window is not (>= 1 and <= MaxWindowMinutes) || MaxWindowMinutes % command.Window.Value != 0)
        {
            errors.Add(new("window", "Minutes that divide a day evenly, from 1 to 1440 (such as 5, 15, 60)."));
        }

        var factor = command.Factor ?? DefaultFactor;
        if (kind == AlertKind.HashtagRising ? factor is < 1m or > MaxFactor : command.Factor is not null)
        {
            errors.Add(new("factor", kind == AlertKind.HashtagRising
                ? $"From 1 to {MaxFactor}: how many times the window before."
                : "Only for hashtag-rising."));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new AlertRule(command.Id!, titleId, kind!.Value, command.Threshold!.Value, command.Window!.Value, factor, createdBy, now), errors);
    }
}
