namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>The engagement log could not be written or read (its database did not answer). Nothing of the
/// batch was accepted, so the caller may send it again under the same id.</summary>
[GenerateSerializer, Alias("Spotlight.Engagement.EngagementLogUnavailableException")]
public sealed class EngagementLogUnavailableException : Exception
{
    public EngagementLogUnavailableException()
    {
    }

    public EngagementLogUnavailableException(string message)
        : base(message)
    {
    }

    public EngagementLogUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
