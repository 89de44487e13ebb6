namespace Spotlight.ClientApi.Endpoints;

/// <summary>Every route of the product API (SPEC "HTTP API"), under <c>/api</c>, with the checks they share.</summary>
public static class SpotlightApi
{
    public static IEndpointRouteBuilder MapSpotlightApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.AddEndpointFilter<RouteIdFilter>();
        api.MapArtistEndpoints();
        api.MapTrackEndpoints();
        api.MapPlaylistEndpoints();
        api.MapVideoEndpoints();
        api.MapEngagementEndpoints();
        api.MapSeasonEndpoints();
        api.MapTitleEndpoints();
        api.MapLinkReviewEndpoints();
        api.MapCampaignEndpoints();
        api.MapTitleAnalyticsEndpoints();
        api.MapCreatorEndpoints();
        api.MapStudioEndpoints();
        api.MapOnNowEndpoints();
        return endpoints;
    }
}
