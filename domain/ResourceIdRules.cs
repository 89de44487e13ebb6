namespace Spotlight.Domain;

/// <summary>Ids of resources (artists, tracks, seasons…): short, URL-safe strings.</summary>
public static class ResourceIdRules
{
    public const int MaxLength = 64;

    public const string Description = "1 to 64 letters, digits, '-' or '_'";

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id)
        && id.Length <= MaxLength
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
