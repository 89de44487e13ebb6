using Microsoft.Extensions.Options;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Demo;
using Spotlight.ClientApi.Endpoints;
using Spotlight.ClientApi.Hosting;
using Spotlight.ClientApi.Web;

try
{
    var builder = WebApplication.CreateBuilder(DemoArguments.Translate(args));
    var spotlight = builder.AddSpotlightOrleans();
    builder.AddSpotlightDemo(spotlight);
    builder.Services.AddSpotlightHttp();
    builder.Services.AddSpotlightAuthentication(builder.Configuration);
    builder.Services.AddSpotlightRateLimiting(builder.Configuration);
    builder.AddSpotlightRequestLimits();
    builder.AddSpotlightApi(spotlight);

    var app = builder.Build();
    app.UseSpotlightPages();
    app.UseSpotlightHttp();
    app.MapOperatorEndpoints(spotlight);
    app.MapSpotlightApi();
    app.MapDemoEndpoints();
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
