using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Spotlight.ClientApi.OpenApi;

/// <summary>
/// Request fields are declared nullable so that a missing one reaches the API's checks, which name it; the
/// generator then calls every one of them optional (<see cref="OptionalNullablesTransformer"/>). A field
/// marked <see cref="RequiredAttribute"/> is one those checks always refuse to go without, so it is listed
/// as required, and as not null. The checks stay the authority: <c>RequestExampleApiTests</c> sends each
/// example without each required field and expects a 400 naming it.
/// </summary>
public sealed class RequiredFieldsTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }

        var required = new HashSet<string>(schema.Required ?? new HashSet<string>(), StringComparer.Ordinal);
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: false) == true
                && properties.TryGetValue(property.Name, out var field))
            {
                required.Add(property.Name);
                if (field is OpenApiSchema { Type: { } type } inline)
                {
                    inline.Type = type & ~JsonSchemaType.Null;
                }
            }
        }

        // Listed in the order of the properties, as a reader expects them.
        schema.Required = required.Count == 0 ? schema.Required : new HashSet<string>(properties.Keys.Where(required.Contains), StringComparer.Ordinal);
        return Task.CompletedTask;
    }
}
