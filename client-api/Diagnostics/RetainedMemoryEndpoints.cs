using Spotlight.ClientApi.Auth;
using Spotlight.Silo.Diagnostics;

namespace Spotlight.ClientApi.Diagnostics;

/// <summary>
/// <c>POST /api/dev/retained-memory</c>: what the API process retains after a full collection
/// (<see cref="RetainedMemoryProbe"/>). Mapped in Development only (it pauses the process for a moment);
/// admins only.
/// </summary>
public static class RetainedMemoryEndpoints
{
    public const string Route = "/api/dev/retained-memory";

    public static IEndpointRouteBuilder MapRetainedMemoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, RetainedMemoryProbe.Measure)
            .WithTags("Development")
            .WithSummary("Collect garbage fully and report the memory the process retains (Development only).")
            .RequireAuthorization(Policies.Admin);
        return endpoints;
    }
}
