namespace Spotlight.Grains;

/// <summary>Names of the grain storage providers the silo registers.</summary>
public static class StorageNames
{
    /// <summary>Domain grain state.</summary>
    public const string Default = "spotlight";
}
