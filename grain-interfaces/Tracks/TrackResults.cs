namespace Spotlight.GrainInterfaces.Tracks;

[GenerateSerializer, Alias("Spotlight.Tracks.TrackSubmitOutcome")]
public enum TrackSubmitOutcome
{
    Created = 0,
    AlreadyExists = 1,
    Invalid = 2,
}

[GenerateSerializer, Immutable, Alias("Spotlight.Tracks.TrackSubmitResult")]
public sealed record TrackSubmitResult(
    [property: Id(0)] TrackSubmitOutcome Outcome,
    [property: Id(1)] TrackDetails? Track,
    [property: Id(2)] IReadOnlyList<FieldError> Errors);

[GenerateSerializer, Alias("Spotlight.Tracks.TrackReviewOutcome")]
public enum TrackReviewOutcome
{
    Reviewed = 0,
    NotFound = 1,
    NotSubmitted = 2,
    Invalid = 3,
}

[GenerateSerializer, Immutable, Alias("Spotlight.Tracks.TrackReviewResult")]
public sealed record TrackReviewResult(
    [property: Id(0)] TrackReviewOutcome Outcome,
    [property: Id(1)] TrackDetails? Track,
    [property: Id(2)] IReadOnlyList<FieldError> Errors);
