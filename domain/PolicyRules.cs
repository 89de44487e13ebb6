using Spotlight.GrainInterfaces;

namespace Spotlight.Domain;

/// <summary>A policy decision on a video or a creator is <c>violation</c> (with a reason) or <c>ok</c>.</summary>
public static class PolicyRules
{
    public const string Violation = "violation";
    public const string Ok = "ok";
    public const int MaxReasonLength = 1000;

    public static IReadOnlyList<FieldError> Validate(string? status, string? reason)
    {
        var errors = new List<FieldError>();
        if (status is not (Violation or Ok))
        {
            errors.Add(new("status", "Either \"violation\" or \"ok\"."));
        }
        else if (status == Violation && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new("reason", "A reason is required for a violation."));
        }

        if (reason is { Length: > MaxReasonLength })
        {
            errors.Add(new("reason", $"At most {MaxReasonLength} characters."));
        }

        return errors;
    }
}
