using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Audit;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.Domain;

namespace Spotlight.ClientApi.Endpoints;

public static class CampaignEndpoints
{
    public static IEndpointRouteBuilder MapCampaignEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var campaigns = endpoints.MapGroup("/titles/{id}/campaigns").WithTags("Titles");
        campaigns.MapPost("/", CreateAsync)
            .RequireAuthorization(Policies.Studio)
            .WithSummary("Start a creator campaign for a title (its studio): rewards handed out in order to creators whose linked views reach minLinkedViews.")
            .Audited("campaign.create", "title");
        campaigns.MapGet("/", ListAsync)
            .RequireAuthorization(Policies.StudioOrAdmin)
            .WithSummary("A title's campaigns with rewards issued and left (its studio, or an admin).");
        return endpoints;
    }

    public static async Task<Results<Created<CampaignResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string id, CreateCampaignRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var hub = grains.GetGrain<ITitleHubGrain>(id);
        if (await hub.GetAsync() is not { } title)
        {
            return TypedResults.NotFound();
        }

        if (!user.IsStudioOf(title.StudioId))
        {
            return Problems.Forbidden("Only the title's studio (the token's studioId claim) creates its campaigns.");
        }

        var result = await hub.CreateCampaignAsync(new CreateCampaignCommand(request.Id ?? string.Empty, request.Name, request.Rewards, request.MinLinkedViews, user.SubjectId()));
        return result.Outcome switch
        {
            CampaignCreateOutcome.Created => TypedResults.Created($"/api/titles/{id}/campaigns", CampaignResponse.From(result.Value!)),
            CampaignCreateOutcome.AlreadyExists => Problems.Conflict($"The title already has a campaign with id '{request.Id}'."),
            CampaignCreateOutcome.UnknownTitle => TypedResults.NotFound(),
            _ => FieldProblems.From(result.Errors),
        };
    }

    public static async Task<Results<Ok<IReadOnlyList<CampaignResponse>>, NotFound, ValidationProblem, ProblemHttpResult>> ListAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var hub = grains.GetGrain<ITitleHubGrain>(id);
        if (await hub.GetAsync() is not { } title)
        {
            return TypedResults.NotFound();
        }

        if (!user.ActsForStudio(title.StudioId))
        {
            return Problems.Forbidden("Only the title's studio (the token's studioId claim) and admins read its campaigns.");
        }

        return TypedResults.Ok<IReadOnlyList<CampaignResponse>>([.. (await hub.GetCampaignsAsync()).Select(CampaignResponse.From)]);
    }
}

public sealed record CreateCampaignRequest(
    [property: Required] string? Id,
    [property: Required] string? Name,
    [property: Required] IReadOnlyList<RewardPlan?>? Rewards,
    [property: Required] long? MinLinkedViews);

public sealed record CampaignRewardResponse(string Kind, string Description, long Quantity, long Issued, long Remaining);

public sealed record CampaignResponse(
    string Id, string TitleId, string Name, IReadOnlyList<CampaignRewardResponse> Rewards, long MinLinkedViews, DateTimeOffset CreatedAt)
{
    public static CampaignResponse From(Campaign c) => new(c.Id, c.TitleId, c.Name,
        [.. c.Rewards.Select(r => new CampaignRewardResponse(CampaignRules.NameOf(r.Kind), r.Description, r.Quantity, r.Issued, r.Remaining))],
        c.MinLinkedViews, c.CreatedAt);
}
