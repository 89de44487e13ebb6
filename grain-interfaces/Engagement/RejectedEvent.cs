namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>An event of a batch that was not accepted: its position in the batch and why.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Engagement.RejectedEvent")]
public sealed record RejectedEvent(
    [property: Id(0)] int Index,
    [property: Id(1)] string Error);
