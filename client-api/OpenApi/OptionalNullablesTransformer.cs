using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Spotlight.ClientApi.OpenApi;

/// <summary>
/// The generator marks every constructor parameter of a record as required, but a request field declared
/// nullable is one a caller may leave out (the API's checks say when it is needed, naming the field), and a
/// nullable answer field may be absent. So a property that may be null is not listed as required.
/// </summary>
public sealed class OptionalNullablesTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema is { Required.Count: > 0, Properties: { } properties })
        {
            foreach (var (name, property) in properties)
            {
                if (property.Type is { } type && type.HasFlag(JsonSchemaType.Null))
                {
                    schema.Required.Remove(name);
                }
            }
        }

        return Task.CompletedTask;
    }
}
