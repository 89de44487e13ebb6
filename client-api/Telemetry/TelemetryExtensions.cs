using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Spotlight.Silo.Hosting;

namespace Spotlight.ClientApi.Telemetry;

public static class TelemetryExtensions
{
    public const string ServiceName = "spotlight-api";

    public static IServiceCollection AddSpotlightTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
            .AddMeter(SiloTelemetry.Meters)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return services;
    }
}
