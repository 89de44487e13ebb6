namespace Spotlight.ClientApi.OpenApi;

public static class OpenApiSetup
{
    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c>, with what the generator alone leaves out.</summary>
    public static IServiceCollection AddSpotlightOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
        options.AddDocumentTransformer<SpotlightDocumentTransformer>();
        options.AddOperationTransformer<OperationIdTransformer>();
        options.AddOperationTransformer<RequestExampleTransformer>();
        options.AddOperationTransformer<AuthorizationOperationTransformer>();
        options.AddOperationTransformer<AllowedValuesTransformer>();
        options.AddSchemaTransformer<AllowedValuesTransformer>();
        options.AddSchemaTransformer<EngagementBatchSchemaTransformer>();
        options.AddSchemaTransformer<OptionalNullablesTransformer>();
        options.AddSchemaTransformer<RequiredFieldsTransformer>();
    });
}
