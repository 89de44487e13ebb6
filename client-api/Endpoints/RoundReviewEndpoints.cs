using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Audit;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.ClientApi.Names;
using Spotlight.Domain.Integrity;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.GrainInterfaces.Videos;

namespace Spotlight.ClientApi.Endpoints;

/// <summary>A round's integrity review: suspicious-engagement flags on its entries' videos, and reviewers'
/// exclusions of a video's engagement over a range, which rank the round again at once.</summary>
public static class RoundReviewEndpoints
{
    public static IEndpointRouteBuilder MapRoundReviewEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var round = endpoints.MapGroup("/seasons/{id}/rounds/{n}").WithTags("Seasons");
        round.MapGet("/flags", GetFlagsAsync)
            .RequireAuthorization(Policies.ReviewerOrAdmin)
            .WithSummary("Suspicious engagement on the round's entries' videos (reviewers, admins): rate-jump (views far above the video's own recent rate with little interaction against the round's median), concentrated (most of a video's views within minutes), creator-violation; each with its span and evidence, and the exclusions made so far.");
        round.MapPost("/exclusions", ExcludeAsync)
            .RequireAuthorization(Policies.ReviewerOrAdmin)
            .WithSummary("Stop counting a video's engagement with event time in [from, to) (whole minutes) in the round, including events that arrive later (reviewers, admins). The round's popularity, scores and ranks are computed again at once; a closed round is refused.")
            .Audited("round.exclusion", "round");
        return endpoints;
    }

    public static async Task<Results<Ok<RoundFlagsResponse>, NotFound>> GetFlagsAsync(string id, int n, IGrainFactory grains, RowNames names)
    {
        if (!await SeasonEndpoints.HasRoundAsync(grains, id, n)
            || await grains.GetGrain<IRoundFlagsGrain>(RoundKeys.Of(id, n)).GetAsync() is not { } flags)
        {
            return TypedResults.NotFound();
        }

        var captions = await names.CaptionsAsync(flags.Flags.Select(f => f.VideoId).Concat(flags.Exclusions.Select(e => e.VideoId)).Distinct(StringComparer.Ordinal));
        return TypedResults.Ok(new RoundFlagsResponse(
            id,
            n,
            flags.EvaluatedFrom,
            flags.EvaluatedTo,
            flags.Closed,
            flags.VideosJudged,
            flags.MedianInteractionsPerView,
            [.. flags.Flags.Select(f => new RoundFlagResponse(f.VideoId, captions.GetValueOrDefault(f.VideoId), f.TrackId, f.TrackTitle, f.CreatorId, f.Reason, f.From, f.To, f.Evidence, f.Excluded))],
            [.. flags.Exclusions.Select(e => ExclusionResponse.Of(id, n, e, captions.GetValueOrDefault(e.VideoId)))]));
    }

    public static async Task<Results<Created<ExclusionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ExcludeAsync(
        string id, int n, ExclusionRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var errors = ExclusionRules.Validate(request.VideoId, request.From, request.To, request.Reason);
        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        if (!await SeasonEndpoints.HasRoundAsync(grains, id, n))
        {
            return TypedResults.NotFound();
        }

        var video = await grains.GetGrain<IVideoGrain>(request.VideoId!).GetAsync();
        if (video?.TrackId is not { } trackId)
        {
            return FieldProblems.Single("videoId", video is null ? "No video has this id." : "The video uses no track, so it adds nothing to a round.");
        }

        var (from, to) = (request.From!.Value.ToUniversalTime(), request.To!.Value.ToUniversalTime());
        var exclusion = new RoundExclusion(request.VideoId!, trackId, from, to, request.Reason!.Trim(), user.SubjectId(), clock.GetUtcNow());
        return await grains.GetGrain<IRoundGrain>(RoundKeys.Of(id, n)).ExcludeAsync(exclusion) switch
        {
            ExclusionOutcome.Excluded => TypedResults.Created($"/api/seasons/{id}/rounds/{n}/flags", ExclusionResponse.Of(id, n, exclusion, video.Caption)),
            ExclusionOutcome.RoundClosed => Problems.Conflict($"Round {n} has closed: its results never change."),
            ExclusionOutcome.NotAnEntry => FieldProblems.Single("videoId", $"The video's track is not an entry of round {n}."),
            ExclusionOutcome.OutsideWindow => FieldProblems.Single("from", "The range lies outside the round's window: it would exclude nothing."),
            _ => TypedResults.NotFound(),
        };
    }
}

public sealed record ExclusionRequest(
    [property: Required] string? VideoId,
    [property: Required] DateTimeOffset? From,
    [property: Required] DateTimeOffset? To,
    [property: Required] string? Reason);

/// <summary>A reviewer's exclusion as recorded: the video (with its caption), its track, the range, why, who and when.</summary>
public sealed record ExclusionResponse(
    string SeasonId, int Round, string VideoId, string? Caption, string TrackId, DateTimeOffset From, DateTimeOffset To, string Reason, string ExcludedBy, DateTimeOffset At)
{
    public static ExclusionResponse Of(string seasonId, int round, RoundExclusion e, string? caption) =>
        new(seasonId, round, e.VideoId, caption, e.TrackId, e.From, e.To, e.Reason, e.ExcludedBy, e.At);
}

/// <summary>A round's flags over [evaluatedFrom, evaluatedTo), how many videos were judged against which median
/// of interactions per view, and the exclusions made.</summary>
public sealed record RoundFlagsResponse(
    string SeasonId,
    int Round,
    DateTimeOffset EvaluatedFrom,
    DateTimeOffset EvaluatedTo,
    bool Closed,
    int VideosJudged,
    double MedianInteractionsPerView,
    IReadOnlyList<RoundFlagResponse> Flags,
    IReadOnlyList<ExclusionResponse> Exclusions);

/// <summary>One flag: the video (caption), its track (title) and creator, why (rate-jump, concentrated,
/// creator-violation), the span and figures, and whether an exclusion covers the span already.</summary>
public sealed record RoundFlagResponse(
    string VideoId, string? Caption, string TrackId, string TrackTitle, string CreatorId, string Reason, DateTimeOffset From, DateTimeOffset To, string Evidence, bool Excluded);
