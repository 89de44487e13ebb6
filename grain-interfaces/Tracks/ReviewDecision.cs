namespace Spotlight.GrainInterfaces.Tracks;

[GenerateSerializer, Alias("Spotlight.Tracks.ReviewDecision")]
public enum ReviewDecision
{
    Clear = 0,
    Reject = 1,
}
