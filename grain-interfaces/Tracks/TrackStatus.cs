namespace Spotlight.GrainInterfaces.Tracks;

[GenerateSerializer, Alias("Spotlight.Tracks.TrackStatus")]
public enum TrackStatus
{
    Submitted = 0,
    Cleared = 1,
    Rejected = 2,
}
