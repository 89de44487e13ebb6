using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Spotlight.ClientApi.OpenApi;

/// <summary>
/// Names each operation after its handler, so generated clients get method names: <c>SeasonEndpoints.CreateAsync</c>
/// becomes <c>seasonCreate</c>. A route given a name with <c>WithName</c> keeps it.
/// </summary>
public sealed class OperationIdTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is null && context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault() is { } handler)
        {
            operation.OperationId = IdOf(handler);
        }

        return Task.CompletedTask;
    }

    public static string IdOf(MethodInfo handler)
    {
        var owner = Trim(handler.DeclaringType?.Name ?? "", "Endpoints");
        var action = Trim(handler.Name, "Async");
        return char.ToLowerInvariant(owner[0]) + owner[1..] + action;
    }

    private static string Trim(string name, string suffix) => name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : name;
}
