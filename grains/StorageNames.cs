namespace Spotlight.Grains;

/// <summary>Names of the grain storage providers the silo registers.</summary>
public static class StorageNames
{
    /// <summary>Domain grain state.</summary>
    public const string Default = "spotlight";

    /// <summary>Stream subscriptions (Orleans' pub/sub).</summary>
    public const string PubSub = "PubSubStore";
}
