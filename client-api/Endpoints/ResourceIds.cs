namespace Spotlight.ClientApi.Endpoints;

/// <summary>Ids in routes: short, URL-safe strings. Anything else is refused before it reaches a grain.</summary>
public static class ResourceIds
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id)
        && id.Length <= MaxLength
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>A new id: time-ordered, so ids sort roughly by creation.</summary>
    public static string New() => Guid.CreateVersion7().ToString("N");
}
