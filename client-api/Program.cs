using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Scalar.AspNetCore;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Diagnostics;
using Spotlight.ClientApi.Endpoints;
using Spotlight.ClientApi.Health;
using Spotlight.ClientApi.Hosting;
using Spotlight.ClientApi.Live;
using Spotlight.ClientApi.Web;

try
{
    var builder = WebApplication.CreateBuilder(args);
    var spotlight = builder.AddSpotlightOrleans();
    builder.Services.AddSpotlightHttp();
    builder.Services.AddSpotlightAuthentication(builder.Configuration);
    builder.Services.AddSpotlightRateLimiting(builder.Configuration);
    builder.AddSpotlightRequestLimits();
    builder.Services.AddSingleton<ClusterRetry>();
    builder.Services.AddSingleton<LiveLeaderboardFeed>();

    var app = builder.Build();
    app.UseSpotlightPages();
    app.UseSpotlightHttp();
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
    app.MapSpotlightApi();
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync($"Spotlight API cannot start: {string.Join(" ", ex.Failures)}");
    return 2;
}

/// <summary>Entry point, public so that WebApplicationFactory can find it.</summary>
public partial class Program;
