using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Spotlight.ClientApi.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Orleans' own meter name; its instruments cover messaging, grains, storage and more.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The meter for Spotlight's own instruments.</summary>
    public const string SpotlightMeter = "Spotlight";

    public const string ServiceName = "spotlight-api";

    public static IServiceCollection AddSpotlightTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
            .AddMeter(OrleansMeter, SpotlightMeter)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return services;
    }
}
