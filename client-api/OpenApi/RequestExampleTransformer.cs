using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Spotlight.ClientApi.OpenApi;

/// <summary>
/// Puts each operation's example request (<see cref="RequestExamples"/>) into the document: a value for its
/// parameters and its JSON body, so that the API page and docs/api.md show a request that works. Runs after
/// <see cref="OperationIdTransformer"/>, whose ids it looks examples up by.
/// </summary>
public sealed class RequestExampleTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is not { } id || !RequestExamples.ByOperation.TryGetValue(id, out var example))
        {
            return Task.CompletedTask;
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && example.Parameters.TryGetValue(name, out var value))
            {
                parameter.Example = value switch
                {
                    int number => JsonValue.Create(number),
                    _ => JsonValue.Create(value.ToString()),
                };
            }
        }

        if (example.Body is { } body && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
        {
            media.Example = JsonNode.Parse(body);
        }

        return Task.CompletedTask;
    }
}
