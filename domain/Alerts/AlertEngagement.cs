using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Domain.Alerts;

/// <summary>Engagement of one of a title's videos as the alert evaluator sees it: when it happened (event time),
/// on which video, under which hashtags, what and how much.</summary>
public readonly record struct AlertEngagement(DateTimeOffset At, string VideoId, IReadOnlyList<string> Hashtags, EngagementKind Kind, long Count);
