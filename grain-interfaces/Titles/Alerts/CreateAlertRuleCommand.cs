using System.ComponentModel.DataAnnotations;

namespace Spotlight.GrainInterfaces.Titles.Alerts;

/// <summary>An alert rule as a studio sends it (unchecked; <c>kind</c> as text, <c>window</c> in minutes).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.CreateAlertRuleCommand")]
public sealed record CreateAlertRuleCommand(
    [property: Id(0), Required] string? Id,
    [property: Id(1), Required, AllowedValues("engagement-rate", "video-breakout", "hashtag-rising")] string? Kind,
    [property: Id(2), Required] long? Threshold,
    [property: Id(3), Required] int? Window,
    [property: Id(4)] decimal? Factor);
