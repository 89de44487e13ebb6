using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.GrainInterfaces.Studios;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.Domain;

namespace Spotlight.ClientApi.Endpoints;

public static class StudioEndpoints
{
    private const int ParallelTitles = 32;

    public static IEndpointRouteBuilder MapStudioEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/studios/{id}/titles", ListTitlesAsync)
            .WithTags("Titles")
            .RequireAuthorization(Policies.StudioOrAdmin)
            .WithSummary("A studio's titles, by name (the studio itself, or an admin).");
        return endpoints;
    }

    public static async Task<Results<Ok<IReadOnlyList<TitleResponse>>, ValidationProblem, ProblemHttpResult>> ListTitlesAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!user.ActsForStudio(id))
        {
            return Problems.Forbidden("Only this studio (the token's studioId claim) and admins read its titles.");
        }

        var ids = await grains.GetGrain<IStudioTitlesGrain>(id).GetAsync();
        var titles = await GrainCalls.InBatchesAsync(ids, ParallelTitles, titleId => grains.GetGrain<ITitleHubGrain>(titleId).GetAsync());
        return TypedResults.Ok<IReadOnlyList<TitleResponse>>([.. titles.Values.OfType<TitleDetails>()
            .OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal).Select(TitleResponse.From)]);
    }
}
