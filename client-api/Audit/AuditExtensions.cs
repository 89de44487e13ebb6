using Spotlight.Silo.Configuration;
using Npgsql;

namespace Spotlight.ClientApi.Audit;

public static class AuditExtensions
{
    /// <summary>The trail: in memory when the whole system is this process, else the deployment's PostgreSQL.</summary>
    public static void AddSpotlightAudit(this WebApplicationBuilder builder, SpotlightOptions options)
    {
        if (options.Mode == SpotlightMode.Embedded)
        {
            builder.Services.AddSingleton<IAuditTrail, MemoryAuditTrail>();
        }
        else
        {
            // The container owns the pool, so it is closed with the process.
            builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(options.Postgres.ConnectionString!));
            builder.Services.AddSingleton<IAuditTrail, PostgresAuditTrail>();
        }
    }

    /// <summary>Records the route's successful calls in the trail as <paramref name="action"/> on an entity of
    /// <paramref name="entityKind"/>, identified by the route (default) or by the request body.</summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder route, string action, string entityKind, Func<HttpContext, object?, string?>? entityId = null) =>
        route.AddEndpointFilter(new AuditedDecision(action, entityKind, entityId ?? AuditedDecision.RouteId));
}
