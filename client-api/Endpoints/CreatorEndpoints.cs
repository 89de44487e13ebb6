using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Audit;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.GrainInterfaces.Creators;
using Spotlight.Domain;

namespace Spotlight.ClientApi.Endpoints;

/// <summary>Creators exist as the subjects of their videos; these routes hold their policy standing and the
/// campaign rewards they earned.</summary>
public static class CreatorEndpoints
{
    public static IEndpointRouteBuilder MapCreatorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var creators = endpoints.MapGroup("/creators").WithTags("Creators");
        creators.MapPost("/{id}/policy", SetPolicyAsync)
            .RequireAuthorization(Policies.Reviewer)
            .WithSummary("Record a policy decision on a creator: a violation removes the anchor links of all its videos and blocks new ones; ok lifts the block.")
            .Audited("creator.policy", "creator");
        creators.MapGet("/{id}/rewards", GetRewardsAsync)
            .RequireAuthorization(Policies.CreatorOrAdmin)
            .WithSummary("The campaign rewards a creator earned (the creator itself, or an admin).");
        return endpoints;
    }

    public static async Task<Results<Ok<PolicyResponse>, ValidationProblem>> SetPolicyAsync(
        string id, PolicyRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (request.ToDecision(user.SubjectId(), clock.GetUtcNow()) is not { } policy)
        {
            return FieldProblems.From(PolicyRules.Validate(request.Status, request.Reason));
        }

        await grains.GetGrain<ICreatorGrain>(id).SetPolicyAsync(policy);
        return TypedResults.Ok(PolicyResponse.From(policy));
    }

    public static async Task<Results<Ok<IReadOnlyList<RewardResponse>>, ValidationProblem, ProblemHttpResult>> GetRewardsAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!user.IsInRole(Roles.Admin) && user.SubjectId() != id)
        {
            return Problems.Forbidden("A creator reads only its own rewards; admins read anyone's.");
        }

        var rewards = await grains.GetGrain<ICreatorRewardsGrain>(id).GetAsync();
        return TypedResults.Ok<IReadOnlyList<RewardResponse>>([.. rewards.Select(RewardResponse.From)]);
    }
}

public sealed record RewardResponse(
    string TitleId, string CampaignId, string CampaignName, string Kind, string Description, long LinkedViews, DateTimeOffset EarnedAt)
{
    public static RewardResponse From(CreatorReward r) =>
        new(r.TitleId, r.CampaignId, r.CampaignName, CampaignRules.NameOf(r.Kind), r.Description, r.LinkedViews, r.EarnedAt);
}
