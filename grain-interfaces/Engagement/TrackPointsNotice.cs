namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>Popularity points a delivery added inside a follower's window (a round's, or all time for a
/// playlist), per followed track; sent after the delivery committed.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Engagement.TrackPointsNotice")]
public sealed record TrackPointsNotice(
    [property: Id(0)] DeliveryRange Range,
    [property: Id(1)] IReadOnlyDictionary<string, long> Points);
