using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Audit;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.ClientApi.Names;
using Spotlight.GrainInterfaces.Artists;
using Spotlight.GrainInterfaces.Reviews;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Domain;

namespace Spotlight.ClientApi.Endpoints;

public static class TrackEndpoints
{
    public const int DefaultQueueLimit = 50;
    public const int MaxQueueLimit = 200;
    public const int DefaultHistoryDays = DayRange.DefaultDays;
    public const int MaxHistoryDays = DayRange.MaxDays;

    public static IEndpointRouteBuilder MapTrackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tracks = endpoints.MapGroup("/tracks").WithTags("Tracks");
        tracks.MapGet("/{id}", GetAsync)
            .AllowAnonymous()
            .WithSummary("A track: cleared tracks are public; others only for their owner and staff.");
        tracks.MapGet("/{id}/history", GetHistoryAsync)
            .AllowAnonymous()
            .WithSummary("A track's popularity per UTC day (the last `days`, 30 by default, at most 90) and its standing in every round it entered; seen by whoever may see the track.");
        tracks.MapPost("/{id}/review", ReviewAsync)
            .RequireAuthorization(Policies.Reviewer)
            .WithSummary("Clear or reject a submitted track (a reason is required to reject).")
            .Audited("track.review", "track");

        endpoints.MapGet("/reviews/tracks", GetQueueAsync)
            .WithTags("Reviews")
            .RequireAuthorization(Policies.ReviewerOrAdmin)
            .WithSummary("Tracks waiting for clearance, oldest first.");
        return endpoints;
    }

    public static async Task<Results<Ok<TrackResponse>, NotFound, ValidationProblem>> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var track = await grains.GetGrain<ITrackGrain>(id).GetAsync();
        if (track is null || HiddenFrom(track, user))
        {
            return TypedResults.NotFound();
        }

        var viewer = ViewerOf(track, user);
        var artist = grains.GetGrain<IArtistGrain>(track.ArtistId).GetAsync();
        var popularity = grains.GetGrain<ITrackPopularityGrain>(track.Id).GetPopularityAsync(null, null);
        var season = SeasonOfAsync(track, grains);
        var (profile, counts, standing) = (await artist, await popularity, await season);
        var response = TrackResponse.From(track, profile?.Verified ?? false, viewer);
        return TypedResults.Ok(response with
        {
            Popularity = counts.Points,
            Uses = counts.Uses,
            CurrentRound = standing?.Round,
            Rank = standing?.Rank,
            Season = standing,
            ArtistName = profile?.DisplayName,
        });
    }

    public static async Task<Results<Ok<TrackHistoryResponse>, NotFound, ValidationProblem>> GetHistoryAsync(
        string id, int? days, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var span = days ?? DefaultHistoryDays;
        if (span is < 1 or > MaxHistoryDays)
        {
            return FieldProblems.Single("days", $"From 1 to {MaxHistoryDays}.");
        }

        var track = await grains.GetGrain<ITrackGrain>(id).GetAsync();
        if (track is null || HiddenFrom(track, user))
        {
            return TypedResults.NotFound();
        }

        var firstDay = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1 - span);
        var daily = TrackHistoryReader.DaysAsync(grains, id, firstDay, span);
        var rounds = await TrackHistoryReader.RoundsAsync(grains, id, await TrackHistoryReader.SeasonOfAsync(grains, track));
        return TypedResults.Ok(new TrackHistoryResponse(id, await daily, rounds));
    }

    /// <summary>The track's entry and standing in the season it names; null when it names none.</summary>
    private static async Task<TrackSeasonResponse?> SeasonOfAsync(TrackDetails track, IGrainFactory grains)
    {
        if (track.SeasonId is not { } seasonId)
        {
            return null;
        }

        var entry = await grains.GetGrain<ITrackGrain>(track.Id).GetSeasonEntryAsync();
        var standing = entry == SeasonEntryOutcome.Entered ? await grains.GetGrain<ISeasonGrain>(seasonId).GetStandingAsync(track.Id) : null;
        var entryText = entry switch
        {
            null => "pending",
            SeasonEntryOutcome.Entered => "entered",
            SeasonEntryOutcome.RegionNotInSeason => "regionNotInSeason",
            SeasonEntryOutcome.EntriesClosed => "entriesClosed",
            _ => "unknownSeason",
        };
        return new TrackSeasonResponse(seasonId, entryText, standing?.Round, standing?.State, standing?.Rank, standing?.Score, standing?.Outcome, standing?.Prize);
    }

    public static async Task<Results<Ok<TrackResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ReviewAsync(
        string id, ReviewTrackRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var decision = ParseDecision(request.Decision);
        var errors = TrackRules.ValidateReview(decision, request.Reason).ToList();
        if (request.Decision is not null && decision is null)
        {
            errors.RemoveAll(e => e.Field == "decision");
            errors.Add(new("decision", "Either \"clear\" or \"reject\"."));
        }

        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        var result = await grains.GetGrain<ITrackGrain>(id).ReviewAsync(decision!.Value, user.SubjectId(), request.Reason);
        switch (result.Outcome)
        {
            case TrackReviewOutcome.Reviewed:
                var artist = await grains.GetGrain<IArtistGrain>(result.Value!.ArtistId).GetAsync();
                return TypedResults.Ok(TrackResponse.From(result.Value, artist?.Verified ?? false, TrackViewer.Staff));
            case TrackReviewOutcome.NotFound:
                return TypedResults.NotFound();
            case TrackReviewOutcome.OwnTrack:
                return Problems.Forbidden("Nobody reviews their own track.");
            case TrackReviewOutcome.NotSubmitted:
                return Problems.Conflict($"Only submitted tracks can be reviewed; this one is {result.Value!.Status.ToString().ToLowerInvariant()}.");
            default:
                return FieldProblems.From(result.Errors);
        }
    }

    public static async Task<Results<Ok<IReadOnlyList<PendingTrackResponse>>, ValidationProblem>> GetQueueAsync(IGrainFactory grains, RowNames names, int? limit)
    {
        var take = limit ?? DefaultQueueLimit;
        if (take is < 1 or > MaxQueueLimit)
        {
            return FieldProblems.Single("limit", $"From 1 to {MaxQueueLimit}.");
        }

        return TypedResults.Ok(await PendingTrackResponse.FromAsync(await grains.GetGrain<ITrackReviewQueueGrain>(ITrackReviewQueueGrain.Key).GetPendingAsync(take), names));
    }

    private static ReviewDecision? ParseDecision(string? value) => value switch
    {
        "clear" => ReviewDecision.Clear,
        "reject" => ReviewDecision.Reject,
        _ => null,
    };

    /// <summary>Tracks not (yet) cleared are hidden from the public altogether, not just their details.</summary>
    private static bool HiddenFrom(TrackDetails track, ClaimsPrincipal user) =>
        ViewerOf(track, user) == TrackViewer.Public && track.Status != TrackStatus.Cleared;

    private static TrackViewer ViewerOf(TrackDetails track, ClaimsPrincipal user) =>
        user.IsStaff() ? TrackViewer.Staff
        : user.SubjectOrNull() == track.OwnerId ? TrackViewer.Owner
        : TrackViewer.Public;
}

public sealed record ReviewTrackRequest([property: Required, AllowedValues("clear", "reject")] string? Decision, string? Reason);

/// <summary>Who is looking at a track decides how much of its review history they see.</summary>
public enum TrackViewer
{
    Public,
    Owner,
    Staff,
}

public sealed record TrackReviewView(ReviewDecision Decision, DateTimeOffset At, string? Reason, string? ReviewerId);

/// <summary>A track as the API shows it. Popularity and uses come from the track's popularity grain; the
/// plain <see cref="From"/> leaves them 0 for callers that have not asked it.</summary>
public sealed record TrackResponse(
    string Id,
    string ArtistId,
    string Title,
    string AudioUrl,
    int DurationSeconds,
    string? SeasonId,
    TrackStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ClearedAt,
    bool ArtistVerified,
    long Popularity,
    long Uses,
    int? CurrentRound,
    int? Rank,
    IReadOnlyList<TrackReviewView>? Reviews,
    TrackSeasonResponse? Season = null,
    string? ArtistName = null)
{
    public static TrackResponse From(TrackDetails track, bool artistVerified, TrackViewer viewer) => new(
        track.Id, track.ArtistId, track.Title, track.AudioUrl, track.DurationSeconds, track.SeasonId, track.Status, track.SubmittedAt,
        track.ClearedAt, artistVerified, Popularity: 0, Uses: 0, CurrentRound: null, Rank: null,
        viewer switch
        {
            TrackViewer.Staff => [.. track.Reviews.Select(r => new TrackReviewView(r.Decision, r.At, r.Reason, r.ReviewerId))],
            // The artist learns the decision and the reason, not which reviewer made it.
            TrackViewer.Owner => [.. track.Reviews.Select(r => new TrackReviewView(r.Decision, r.At, r.Reason, null))],
            _ => null,
        });
}

/// <summary>A track's popularity per day and its standing in each round it entered, oldest first.</summary>
public sealed record TrackHistoryResponse(string TrackId, IReadOnlyList<TrackDayResponse> Days, IReadOnlyList<TrackRoundResponse> Rounds);

/// <summary>One UTC day of a track: popularity points (SPEC weights) and the engagement behind them.</summary>
public sealed record TrackDayResponse(DateOnly Day, long Popularity, long Views, long Likes, long Comments, long Shares, long Uses);

/// <summary>Where a track stood in one round: live while it is open, frozen once it closed.</summary>
public sealed record TrackRoundResponse(int Round, string Name, RoundState State, int Rank, decimal Score, TrackOutcome Outcome, string? Prize);
