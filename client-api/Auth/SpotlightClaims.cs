namespace Spotlight.ClientApi.Auth;

/// <summary>Claim names in Spotlight tokens; kept as the JWT names (no Microsoft claim-type mapping).</summary>
public static class SpotlightClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string StudioId = "studioId";
    public const string ArtistId = "artistId";
}
