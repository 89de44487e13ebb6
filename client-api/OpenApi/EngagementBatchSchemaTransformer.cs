using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Spotlight.ClientApi.Endpoints;
using Spotlight.Domain;

namespace Spotlight.ClientApi.OpenApi;

/// <summary>
/// The engagement batch is read by a hand-written converter (<see cref="Json.EngagementBatchRequestConverter"/>,
/// the hottest path of the API), so the generator cannot see its shape; this writes it out, with an example.
/// </summary>
public sealed class EngagementBatchSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(EngagementBatchRequest))
        {
            return Task.CompletedTask;
        }

        var evt = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "videoId", "kind" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["videoId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A registered video's id." },
                ["kind"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. EngagementRules.KindNames.Select(k => (JsonNode)JsonValue.Create(k))] },
                ["count"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = $"{EngagementRules.MinCount}", Maximum = $"{EngagementRules.MaxCount}", Description = "How many events of this kind (default 1)." },
                ["at"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When it happened (default: when received). Events older than the dedupe window or more than 5 minutes ahead are rejected one by one." },
            },
        };
        schema.Type = JsonSchemaType.Object;
        schema.Required = new HashSet<string> { "batchId", "events" };
        schema.Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["batchId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The sender's id for this batch: a batch sent again under it within the dedupe window counts nothing and gets the first answer." },
            ["events"] = new OpenApiSchema { Type = JsonSchemaType.Array, MaxItems = EngagementRules.MaxEventsPerBatch, Items = evt },
        };
        schema.Examples = [JsonNode.Parse(RequestExamples.EngagementBatch)!];
        return Task.CompletedTask;
    }
}
