namespace Spotlight.GrainInterfaces.Videos;

[GenerateSerializer, Alias("Spotlight.Videos.LinkOutcome")]
public enum LinkOutcome
{
    Linked,
    VideoNotFound,
    /// <summary>A video has at most one anchor link; it already has one to another title.</summary>
    LinkedElsewhere,
    PolicyViolation,
}
