using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Spotlight.ClientApi.Health;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddSpotlightHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ClusterReadinessCheck>("cluster", tags: [ReadyTag]);
        return services;
    }

    /// <summary>/healthz: the process is up (no checks). /readyz: the cluster is reachable.</summary>
    public static IEndpointRouteBuilder MapSpotlightHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .ExcludeFromDescription();
        return endpoints;
    }
}
