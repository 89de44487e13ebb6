namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>The keys of <see cref="IEngagementIngestGrain"/> in use: key 0 for every first attempt, the others
/// for the API's hedged copies (a copy to another key takes another gateway connection).</summary>
public static class EngagementIngestKeys
{
    public const int Count = 3;
}
