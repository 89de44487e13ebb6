using Spotlight.ClientApi.Audit;
using Spotlight.ClientApi.Hosting;
using Spotlight.ClientApi.Live;
using Spotlight.ClientApi.Names;
using Spotlight.Silo.Configuration;

namespace Spotlight.ClientApi.Endpoints;

/// <summary>Every route of the product API (SPEC "HTTP API"), under <c>/api</c>, with the checks they share.</summary>
public static class SpotlightApi
{
    /// <summary>What the routes use: hedged ingestion, the live leaderboards' feed, names for rows, the audit trail.</summary>
    public static void AddSpotlightApi(this WebApplicationBuilder builder, SpotlightOptions options)
    {
        builder.Services.AddSingleton<HedgedClusterCalls>();
        builder.Services.AddSingleton<LiveLeaderboardFeed>();
        builder.Services.AddSpotlightNames();
        builder.AddSpotlightAudit(options);
    }

    public static IEndpointRouteBuilder MapSpotlightApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.AddEndpointFilter<RouteIdFilter>();
        api.MapArtistEndpoints();
        api.MapArtistInsightsEndpoints();
        api.MapTrackEndpoints();
        api.MapPlaylistEndpoints();
        api.MapVideoEndpoints();
        api.MapEngagementEndpoints();
        api.MapSeasonEndpoints();
        api.MapRoundReviewEndpoints();
        api.MapTitleEndpoints();
        api.MapLinkReviewEndpoints();
        api.MapCampaignEndpoints();
        api.MapTitleAnalyticsEndpoints();
        api.MapTitleAlertEndpoints();
        api.MapCreatorEndpoints();
        api.MapStudioEndpoints();
        api.MapOnNowEndpoints();
        api.MapAuditEndpoints();
        return endpoints;
    }
}
