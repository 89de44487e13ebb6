namespace Spotlight.ClientApi.Endpoints;

/// <summary>Refuses a malformed <c>{id}</c> in any API route with a 400 naming <c>id</c>, before the
/// handler runs, so no handler checks it again and no malformed id reaches a grain.</summary>
public sealed class RouteIdFilter : IEndpointFilter
{
    public const string RouteValue = "id";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.RouteValues.TryGetValue(RouteValue, out var id) && !ResourceIds.IsValid(id as string))
        {
            return ResourceIds.Problem(RouteValue);
        }

        return await next(context);
    }
}
