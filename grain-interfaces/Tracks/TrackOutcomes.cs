namespace Spotlight.GrainInterfaces.Tracks;

[GenerateSerializer, Alias("Spotlight.Tracks.TrackSubmitOutcome")]
public enum TrackSubmitOutcome
{
    Created = 0,
    AlreadyExists = 1,
    Invalid = 2,
}


[GenerateSerializer, Alias("Spotlight.Tracks.TrackReviewOutcome")]
public enum TrackReviewOutcome
{
    Reviewed = 0,
    NotFound = 1,
    NotSubmitted = 2,
    Invalid = 3,
    OwnTrack = 4,
}
