namespace Spotlight.GrainInterfaces.Videos;

public enum LinkOutcome
{
    Linked,
    VideoNotFound,
    /// <summary>A video has at most one anchor link; it already has one to another title.</summary>
    LinkedElsewhere,
    PolicyViolation,
}
