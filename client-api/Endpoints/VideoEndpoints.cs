using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Audit;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Domain;

namespace Spotlight.ClientApi.Endpoints;

public static class VideoEndpoints
{
    public static IEndpointRouteBuilder MapVideoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var videos = endpoints.MapGroup("/videos").WithTags("Videos");
        videos.MapPost("/", RegisterAsync)
            .RequireAuthorization(Policies.CreatorOrIngest)
            .WithSummary("Register a video (a creator for itself, or the ingest service for anyone).");
        videos.MapGet("/{id}", GetAsync)
            .AllowAnonymous()
            .WithSummary("A video with its engagement counters, policy status and link eligibility per matching title.");
        videos.MapPost("/{id}/policy", SetPolicyAsync)
            .RequireAuthorization(Policies.Reviewer)
            .WithSummary("Record a policy decision: a violation blocks anchor links (a reason is required); ok lifts the block.")
            .Audited("video.policy", "video");
        return endpoints;
    }

    public static async Task<Results<Created<VideoResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterVideoRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var command = new RegisterVideoCommand(
            request.CreatorId ?? string.Empty,
            request.CreatorFollowers ?? -1,
            request.TrackId,
            request.Hashtags?.Select(t => t ?? string.Empty).ToList() ?? [],
            request.Caption ?? string.Empty,
            request.VisualTags?.Select(t => t ?? string.Empty).ToList() ?? []);
        var errors = VideoRules.Validate(request.Id, command).ToList();
        if (request.CreatorFollowers is null)
        {
            errors.RemoveAll(e => e.Field == "creatorFollowers");
            errors.Add(new("creatorFollowers", "The creator's follower count is required."));
        }

        // A creator registers only its own videos; the ingest service registers anyone's. A missing or
        // malformed creator id is a field error, not someone else's video.
        if (!user.IsInRole(Roles.Ingest) && ResourceIdRules.IsValid(request.CreatorId) && request.CreatorId != user.SubjectId())
        {
            return Problems.Forbidden("A creator registers only its own videos: creatorId must be the caller's user id (the ingest role registers anyone's).");
        }

        if (errors.Count == 0 && command.TrackId is { } trackId
            && (await grains.GetGrain<ITrackGrain>(trackId).GetAsync())?.Status != TrackStatus.Cleared)
        {
            errors.Add(new FieldError("trackId", "Videos can use cleared tracks only."));
        }

        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        var result = await grains.GetGrain<IVideoGrain>(request.Id!).RegisterAsync(command);
        return result.Outcome switch
        {
            VideoRegisterOutcome.Created => TypedResults.Created($"/api/videos/{request.Id}", VideoResponse.From(result.Value!)),
            VideoRegisterOutcome.AlreadyExists => Problems.Conflict($"Video {request.Id} is already registered."),
            _ => FieldProblems.From(result.Errors),
        };
    }

    public static async Task<Results<Ok<VideoResponse>, NotFound, ValidationProblem>> GetAsync(string id, IGrainFactory grains) =>
        await grains.GetGrain<IVideoGrain>(id).GetViewAsync() is { } view
            ? TypedResults.Ok(VideoResponse.From(view.Video) with
            {
                AnchorLink = view.AnchorLink,
                Eligibility = view.Eligibility,
                Policy = PolicyResponse.FromOrNull(view.Policy),
                CreatorPolicy = PolicyResponse.FromOrNull(view.CreatorPolicy),
            })
            : TypedResults.NotFound();

    public static async Task<Results<Ok<PolicyResponse>, NotFound, ValidationProblem>> SetPolicyAsync(
        string id, PolicyRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (request.ToDecision(user.SubjectId(), clock.GetUtcNow()) is not { } policy)
        {
            return FieldProblems.From(PolicyRules.Validate(request.Status, request.Reason));
        }

        return await grains.GetGrain<IVideoGrain>(id).SetPolicyAsync(policy) ? TypedResults.Ok(PolicyResponse.From(policy)) : TypedResults.NotFound();
    }
}

public sealed record RegisterVideoRequest(
    [property: Required] string? Id,
    [property: Required] string? CreatorId,
    [property: Required] long? CreatorFollowers,
    string? TrackId,
    IReadOnlyList<string?>? Hashtags,
    string? Caption,
    IReadOnlyList<string?>? VisualTags);

public sealed record VideoResponse(
    string Id,
    string CreatorId,
    string? TrackId,
    IReadOnlyList<string> Hashtags,
    string Caption,
    IReadOnlyList<string> VisualTags,
    DateTimeOffset RegisteredAt,
    EngagementCounters Counters,
    string? AnchorLink,
    IReadOnlyList<TitleEligibility> Eligibility,
    PolicyResponse? Policy = null,
    PolicyResponse? CreatorPolicy = null)
{
    /// <summary>The video alone; <c>GetAsync</c> adds its eligibility per candidate title. Anchor links come
    /// with link reviews.</summary>
    public static VideoResponse From(VideoDetails video) => new(
        video.Id, video.CreatorId, video.TrackId, video.Hashtags, video.Caption, video.VisualTags, video.RegisteredAt, video.Counters, null, []);
}
