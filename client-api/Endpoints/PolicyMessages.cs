using System.ComponentModel.DataAnnotations;
using Spotlight.GrainInterfaces;
using Spotlight.Domain;

namespace Spotlight.ClientApi.Endpoints;

/// <summary>A reviewer's policy decision on a video or a creator: <c>violation</c> (reason required) or <c>ok</c>.</summary>
public sealed record PolicyRequest([property: Required, AllowedValues(PolicyRules.Violation, PolicyRules.Ok)] string? Status, string? Reason)
{
    /// <summary>The decision, or null when the request breaks <see cref="PolicyRules"/>.</summary>
    public PolicyDecision? ToDecision(string reviewerId, DateTimeOffset at) =>
        PolicyRules.Validate(Status, Reason).Count > 0
            ? null
            : new PolicyDecision(Status == PolicyRules.Violation, Reason?.Trim() is { Length: > 0 } reason ? reason : null, reviewerId, at);
}

/// <summary>The latest policy decision: <c>violation</c> or <c>ok</c>, why, by which reviewer, when.</summary>
public sealed record PolicyResponse(string Status, string? Reason, string ReviewerId, DateTimeOffset At)
{
    public static PolicyResponse From(PolicyDecision policy) =>
        new(policy.Violation ? PolicyRules.Violation : PolicyRules.Ok, policy.Reason, policy.ReviewerId, policy.At);

    public static PolicyResponse? FromOrNull(PolicyDecision? policy) => policy is null ? null : From(policy);
}
