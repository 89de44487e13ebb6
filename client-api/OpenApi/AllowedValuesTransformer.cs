using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Spotlight.ClientApi.OpenApi;

/// <summary>
/// Lists the words a string field or query parameter accepts (<c>kind</c>, <c>decision</c>, <c>status</c>,
/// <c>bucket</c>…) as the schema's <c>enum</c>, from the <see cref="AllowedValuesAttribute"/> on the request
/// property or handler parameter. The generator leaves that attribute out; the API's own checks stay the
/// authority (a test posts every listed word and one that is not).
/// </summary>
public sealed class AllowedValuesTransformer : IOpenApiSchemaTransformer, IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(AllowedValuesAttribute), inherit: false) is [AllowedValuesAttribute allowed, ..])
        {
            Apply(schema, allowed);
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var description in context.Description.ParameterDescriptions)
        {
            if (description.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: var parameter }
                && parameter.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed
                && operation.Parameters?.FirstOrDefault(p => p.Name == description.Name) is { Schema: OpenApiSchema schema })
            {
                Apply(schema, allowed);
            }
        }

        return Task.CompletedTask;
    }

    private static void Apply(OpenApiSchema schema, AllowedValuesAttribute allowed) =>
        schema.Enum = [.. allowed.Values.OfType<object>().Select(v => (JsonNode)JsonValue.Create(v.ToString()!))];
}
