using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Spotlight.ClientApi.OpenApi;

/// <summary>
/// Says on each operation who may call it: the roles its policy asks for (in the description, which the API
/// page shows), the bearer requirement, and the 401 and 403 problem answers it can give. A route open to
/// everyone asks for no token.
/// </summary>
public sealed class AuthorizationOperationTransformer(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return;
        }

        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var data in authorize)
        {
            var policy = data.Policy is { } name ? await policies.GetPolicyAsync(name) : await policies.GetDefaultPolicyAsync();
            foreach (var requirement in policy?.Requirements.OfType<RolesAuthorizationRequirement>() ?? [])
            {
                roles.UnionWith(requirement.AllowedRoles);
            }
        }

        var who = roles.Count == 0 ? "Any signed-in caller." : $"Requires a token with the role {string.Join(" or ", roles.Select(r => $"`{r}`"))}.";
        operation.Description = operation.Description is { Length: > 0 } given ? $"{given}\n\n{who}" : who;
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSecuritySchemeTransformer.SchemeName, context.Document)] = [] }];
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", Problem("No valid token: the detail says whether one was sent."));
        operation.Responses.TryAdd("403", Problem("The token lacks the role, claim or ownership the route needs: the detail says which."));
    }

    private static OpenApiResponse Problem(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
    };
}
