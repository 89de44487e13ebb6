using Spotlight.GrainInterfaces;

namespace Spotlight.Domain.Integrity;

/// <summary>
/// A reviewer's exclusion names a video, a range of event time and why. Engagement is counted per minute, so
/// the range is whole minutes (seconds 0), and it is at most a round's longest useful span: 31 days.
/// </summary>
public static class ExclusionRules
{
    public const int MaxReasonLength = 1000;

    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    public static IReadOnlyList<FieldError> Validate(string? videoId, DateTimeOffset? from, DateTimeOffset? to, string? reason)
    {
        var errors = new List<FieldError>();
        if (!ResourceIdRules.IsValid(videoId))
        {
            errors.Add(new("videoId", $"A video id of {ResourceIdRules.Description}."));
        }

        foreach (var (field, at) in new[] { ("from", from), ("to", to) })
        {
            if (at is null)
            {
                errors.Add(new(field, "A time (ISO 8601) is required."));
            }
            else if (at.Value.Ticks % TimeSpan.TicksPerMinute != 0 || at.Value.Offset.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                errors.Add(new(field, "Whole minutes (seconds 0): engagement is counted per minute."));
            }
        }

        if (from is { } f && to is { } t)
        {
            if (t <= f)
            {
                errors.Add(new("to", "Must be after from."));
            }
            else if (t - f > MaxRange)
            {
                errors.Add(new("to", $"At most {MaxRange.TotalDays:0} days after from."));
            }
        }

        FieldChecks.Text(reason, "reason", MaxReasonLength, errors);
        return errors;
    }
}
