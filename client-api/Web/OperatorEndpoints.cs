using Orleans.Dashboard;
using Scalar.AspNetCore;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Diagnostics;
using Spotlight.ClientApi.Health;
using Spotlight.ClientApi.Hosting;
using Spotlight.Silo.Configuration;

namespace Spotlight.ClientApi.Web;

public static class OperatorEndpoints
{
    /// <summary>What operators and developers read besides the API: the OpenAPI document, health, metrics,
    /// the dashboard when enabled, and in Development the API page, dev tokens and the retained-memory probe.</summary>
    public static WebApplication MapOperatorEndpoints(this WebApplication app, SpotlightOptions spotlight)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
            app.MapDevTokenEndpoints();
            app.MapRetainedMemoryEndpoints();
        }

        if (OrleansHostingExtensions.DashboardEnabled(spotlight, app.Environment))
        {
            app.MapOrleansDashboard(routePrefix: "/dashboard").ExcludeFromDescription();
        }

        app.MapSpotlightHealth();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
