using Microsoft.Extensions.Options;
using Spotlight.Silo.Configuration;

namespace Spotlight.ClientApi.Demo;

public static class DemoExtensions
{
    public const string DevelopmentOnly =
        "Spotlight:Demo is for Development in embedded mode only: it mints tokens and posts made-up engagement.";

    public static bool DemoEnabled(this IConfiguration configuration) => configuration.GetValue<bool>(DemoOptions.Switch);

    /// <summary>The demo's seeder and generator when <c>Spotlight:Demo</c> is on; refuses to start anywhere but
    /// Development in embedded mode (an <see cref="OptionsValidationException"/>, so the API exits with a reason).</summary>
    public static WebApplicationBuilder AddSpotlightDemo(this WebApplicationBuilder builder, SpotlightOptions spotlight)
    {
        if (!builder.Configuration.DemoEnabled())
        {
            return builder;
        }

        if (!builder.Environment.IsDevelopment() || spotlight.Mode != SpotlightMode.Embedded)
        {
            throw new OptionsValidationException(DemoOptions.Switch, typeof(DemoOptions), [DevelopmentOnly]);
        }

        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoSeeder>());
        return builder;
    }

    /// <summary><c>GET /api/dev/demo</c>: who to try the demo as (the sign-in page offers each with one click).</summary>
    public static WebApplication MapDemoEndpoints(this WebApplication app)
    {
        if (app.Configuration.DemoEnabled())
        {
            app.MapGet("/api/dev/demo", () => TypedResults.Ok(DemoSeeder.Identities))
                .WithTags("Development")
                .WithSummary("The demo's people, to sign in as with one click (Development demo only).")
                .AllowAnonymous();
        }

        return app;
    }
}
