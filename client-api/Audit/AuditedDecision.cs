using System.Security.Claims;
using System.Text.Json;
using Spotlight.ClientApi.Auth;

namespace Spotlight.ClientApi.Audit;

/// <summary>
/// An endpoint filter that appends a person's decision to the trail once the route has stored it (answered 2xx):
/// the caller's subject, the action, the entity (from the route, or from the body where the route has no id),
/// the reason they gave and the request body as they sent it. A refused request (4xx) records nothing.
/// The record is appended after the decision is stored, so the trail never holds a decision that did not
/// happen; should the API process die in between, the decision stands without its record (docs/architecture.md).
/// </summary>
public sealed class AuditedDecision(string action, string entityKind, Func<HttpContext, object?, string?> entityId) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (!Succeeded(result))
        {
            return result;
        }

        var body = context.Arguments.FirstOrDefault(IsRequestBody);
        var details = body is null ? JsonSerializer.SerializeToElement(new { }) : JsonSerializer.SerializeToElement(body, body.GetType(), JsonSerializerOptions.Web);
        var services = context.HttpContext.RequestServices;
        await services.GetRequiredService<IAuditTrail>().AppendAsync(
            new AuditRecord(
                0,
                services.GetRequiredService<TimeProvider>().GetUtcNow(),
                context.HttpContext.User.SubjectId(),
                action,
                entityKind,
                entityId(context.HttpContext, body) ?? "",
                details.ValueKind == JsonValueKind.Object && details.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null,
                details),
            context.HttpContext.RequestAborted);
        return result;
    }

    /// <summary>The route's own id: <c>{id}</c>, or <c>{id}/{n}</c> for a round.</summary>
    public static string? RouteId(HttpContext http, object? body) =>
        http.GetRouteValue("n") is { } round ? $"{http.GetRouteValue("id")}/{round}" : http.GetRouteValue("id") as string;

    private static bool Succeeded(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };
    }

    /// <summary>The handler's request body: one of this API's <c>…Request</c> records.</summary>
    private static bool IsRequestBody(object? argument) =>
        argument is not null and not ClaimsPrincipal && argument.GetType().Namespace == "Spotlight.ClientApi.Endpoints"
        && argument.GetType().Name.EndsWith("Request", StringComparison.Ordinal);
}
