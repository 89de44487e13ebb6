using System.Text.Json;
using System.Text.Json.Serialization;
using Spotlight.ClientApi.Errors;
using Spotlight.ClientApi.Health;
using Spotlight.ClientApi.OpenApi;
using Spotlight.ClientApi.Telemetry;

namespace Spotlight.ClientApi.Web;

/// <summary>JSON, errors, health, telemetry and OpenAPI: the HTTP plumbing every route shares.</summary>
public static class HttpPipelineExtensions
{
    public static IServiceCollection AddSpotlightHttp(this IServiceCollection services)
    {
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            // A body over the size limit is refused before any endpoint reads it; the problem still names the field.
            if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge && !context.ProblemDetails.Extensions.ContainsKey("errors"))
            {
                context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { ["body"] = [RequestLimits.TooLargeMessage] };
            }

            var namesFields = context.ProblemDetails is HttpValidationProblemDetails { Errors.Count: > 0 } || context.ProblemDetails.Extensions.ContainsKey("errors");
            context.ProblemDetails.Extensions.TryAdd("code", ProblemCodes.For(context.ProblemDetails.Status, namesFields));
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<ClusterUnavailableExceptionHandler>();
        // Binding failures throw in every environment, so that BadRequestExceptionHandler can name the field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, Endpoints.EngagementJsonContext.Default);
        });
        services.AddSpotlightHealthChecks();
        services.AddSpotlightTelemetry();
        services.AddSpotlightOpenApi();
        return services;
    }

    public static WebApplication UseSpotlightHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Empty 4xx/5xx responses (401 from the bearer handler, 404 for unknown routes) get a problem body.
        app.UseStatusCodePages();
        app.UseAuthentication();
        // After authentication, so that a caller is its token's subject.
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
