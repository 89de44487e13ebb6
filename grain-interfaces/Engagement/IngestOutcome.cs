namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>What became of a batch: how many events were accepted and which were rejected. For a batch id
/// accepted before (within the dedupe window) <see cref="Duplicate"/> is set and the rest repeats the
/// first answer; nothing is counted again.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Engagement.IngestOutcome")]
public sealed record IngestOutcome(
    [property: Id(0)] int Accepted,
    [property: Id(1)] IReadOnlyList<RejectedEvent> Rejected,
    [property: Id(2)] bool Duplicate);
