namespace Spotlight.Domain;

public static class HttpsUrl
{
    /// <summary>True for an absolute https URL with a host, no longer than <paramref name="maxLength"/>.</summary>
    public static bool IsValid(string? value, int maxLength) =>
        value is not null
        && value.Length <= maxLength
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && !string.IsNullOrEmpty(uri.Host);
}
