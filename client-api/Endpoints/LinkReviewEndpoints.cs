using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Audit;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.ClientApi.Names;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Creators;
using Spotlight.GrainInterfaces.Reviews;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Domain;

namespace Spotlight.ClientApi.Endpoints;

public static class LinkReviewEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxReasonLength = 1000;
    private const int ParallelTitles = 32;

    public static IEndpointRouteBuilder MapLinkReviewEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var reviews = endpoints.MapGroup("/reviews/links").WithTags("Reviews");
        reviews.MapGet("/", ListAsync)
            .RequireAuthorization(Policies.ReviewerOrAdmin)
            .WithSummary("Link reviews by status (pending, approved, rejected), optionally for one title, oldest first.");
        reviews.MapPost("/", DecideAsync)
            .RequireAuthorization(Policies.Reviewer)
            .WithSummary("Approve (sets the video's anchor link) or reject a pending link review.")
            .Audited("link.decide", "video", (_, body) => (body as LinkDecisionRequest)?.VideoId);
        return endpoints;
    }

    public static async Task<Results<Ok<IReadOnlyList<LinkReviewResponse>>, ValidationProblem>> ListAsync(
        [AllowedValues("pending", "approved", "rejected")] string? status, string? titleId, int? limit, IGrainFactory grains, RowNames names)
    {
        var errors = new List<FieldError>();
        var parsed = status switch
        {
            null or "pending" => LinkReviewStatus.Pending,
            "approved" => LinkReviewStatus.Approved,
            "rejected" => LinkReviewStatus.Rejected,
            _ => (LinkReviewStatus?)null,
        };
        if (parsed is null)
        {
            errors.Add(new("status", "One of \"pending\", \"approved\", \"rejected\"."));
        }

        if (titleId is not null && !ResourceIds.IsValid(titleId))
        {
            errors.Add(new("titleId", "A title id in the id format."));
        }

        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            errors.Add(new("limit", $"From 1 to {MaxLimit}."));
        }

        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        if (titleId is not null)
        {
            return TypedResults.Ok(await LinkReviewResponse.FromAsync(await grains.GetGrain<ILinkReviewQueueGrain>(titleId).ListAsync(parsed!.Value, take), names));
        }

        // Across titles: each title's oldest, merged.
        var titles = await grains.GetGrain<ILinkReviewDirectoryGrain>(ILinkReviewDirectoryGrain.Key).GetTitlesAsync();
        var lists = await GrainCalls.InBatchesAsync(titles, ParallelTitles, id => grains.GetGrain<ILinkReviewQueueGrain>(id).ListAsync(parsed!.Value, take));
        return TypedResults.Ok(await LinkReviewResponse.FromAsync(LinkReviewOrder.Sort(lists.Values.SelectMany(l => l)).Take(take), names));
    }

    public static async Task<Results<Ok<LinkReview>, NotFound, ValidationProblem, ProblemHttpResult>> DecideAsync(
        LinkDecisionRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var errors = new List<FieldError>();
        if (!ResourceIds.IsValid(request.VideoId))
        {
            errors.Add(new("videoId", "A video id in the id format."));
        }

        if (!ResourceIds.IsValid(request.TitleId))
        {
            errors.Add(new("titleId", "A title id in the id format."));
        }

        if (request.Decision is not ("approve" or "reject"))
        {
            errors.Add(new("decision", "Either \"approve\" or \"reject\"."));
        }

        if (request.Reason is { Length: > MaxReasonLength })
        {
            errors.Add(new("reason", $"At most {MaxReasonLength} characters."));
        }

        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        var queue = grains.GetGrain<ILinkReviewQueueGrain>(request.TitleId!);
        var review = await queue.GetAsync(request.VideoId!);
        if (review is null)
        {
            return TypedResults.NotFound();
        }

        if (review.Status != LinkReviewStatus.Pending)
        {
            return Problems.Conflict($"This link was already {review.Status.ToString().ToLowerInvariant()}.");
        }

        var approve = request.Decision == "approve";
        if (approve)
        {
            // The creator and the video decide first: the creator's standing, then the video's single link and
            // its own policy block. The video then tells the title's hub.
            switch (await grains.GetGrain<ICreatorGrain>(review.CreatorId).LinkVideoAsync(request.VideoId!, request.TitleId!))
            {
                case LinkOutcome.LinkedElsewhere:
                    return Problems.Conflict("The video already links to another title; a video has at most one link.");
                case LinkOutcome.PolicyViolation:
                    return Problems.Conflict("The video or its creator has a policy violation; it cannot be linked.");
                case LinkOutcome.VideoNotFound:
                    return TypedResults.NotFound();
            }
        }

        var decided = await queue.DecideAsync(request.VideoId!, approve, user.SubjectId(), request.Reason?.Trim(), clock.GetUtcNow());
        return decided is null ? Problems.Conflict("Another reviewer decided this link meanwhile.") : TypedResults.Ok(decided);
    }
}

public sealed record LinkDecisionRequest(
    [property: Required] string? VideoId,
    [property: Required] string? TitleId,
    [property: Required, AllowedValues("approve", "reject")] string? Decision,
    string? Reason);
