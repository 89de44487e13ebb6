using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.GrainInterfaces.Artists;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Domain;

namespace Spotlight.ClientApi.Endpoints;

/// <summary><c>GET /api/artists/{id}/insights</c>: how an artist's music is doing, for the artist and admins —
/// per track and in total, popularity and its engagement per UTC day, the standing in every round (live, or at
/// its close), and the reviewers' decisions with their reasons. Read from what the projectors keep per track
/// (one call per track, no scan of videos).</summary>
public static class ArtistInsightsEndpoints
{
    private const int ParallelTracks = 16;

    public static IEndpointRouteBuilder MapArtistInsightsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/artists/{id}/insights", GetAsync)
            .WithTags("Artists")
            .RequireAuthorization(Policies.Subject)
            .WithSummary("An artist's insights from `from` to `to` (UTC days, yyyy-MM-dd; the last 30 by default, at most 90): per track and in total, popularity, views, likes, comments, shares and uses per day, the standing in every round, review decisions with reasons. For the artist and admins.");
        return endpoints;
    }

    public static async Task<Results<Ok<ArtistInsightsResponse>, NotFound, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, string? from, string? to, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var (range, errors) = DayRange.Parse(from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (range is null)
        {
            return FieldProblems.From(errors);
        }

        if (await grains.GetGrain<IArtistGrain>(id).GetAsync() is not { } profile)
        {
            return TypedResults.NotFound();
        }

        if (!user.IsInRole(Roles.Admin) && user.SubjectOrNull() != profile.OwnerId)
        {
            return Problems.Forbidden("Only the artist and admins read an artist's insights.");
        }

        var details = await GrainCalls.InBatchesAsync(profile.TrackIds, ParallelTracks, trackId => grains.GetGrain<ITrackGrain>(trackId).GetAsync());
        // An artist's tracks mostly name the same season: each season is read once, not once per track.
        var seasons = await GrainCalls.InBatchesAsync(details.Values.Select(t => t?.SeasonId).OfType<string>(), ParallelTracks,
            seasonId => grains.GetGrain<ISeasonGrain>(seasonId).GetAsync());
        var tracks = await GrainCalls.InBatchesAsync(details.Where(t => t.Value is not null).Select(t => t.Key), ParallelTracks, async trackId =>
        {
            var track = details[trackId]!;
            var days = TrackHistoryReader.DaysAsync(grains, trackId, range.From, range.Days);
            var rounds = await TrackHistoryReader.RoundsAsync(grains, trackId, track.SeasonId is { } seasonId ? seasons[seasonId] : null);
            return new TrackInsights(track.Id, track.Title, track.Status, await days, rounds,
                [.. track.Reviews.Select(r => new TrackReviewResponse(r.Decision, r.At, r.Reason))]);
        });
        var listed = profile.TrackIds.Where(tracks.ContainsKey).Select(t => tracks[t]).ToList();
        return TypedResults.Ok(new ArtistInsightsResponse(profile.Id, profile.DisplayName, range.From, range.To, Total(listed, range), listed));
    }

    /// <summary>The artist's days: every track's figures of the day added up.</summary>
    private static IReadOnlyList<TrackDayResponse> Total(IReadOnlyList<TrackInsights> tracks, DayRange range) =>
        [.. Enumerable.Range(0, range.Days).Select(i =>
        {
            var days = tracks.Select(t => t.Days[i]).ToList();
            return new TrackDayResponse(range.From.AddDays(i), days.Sum(d => d.Popularity), days.Sum(d => d.Views), days.Sum(d => d.Likes),
                days.Sum(d => d.Comments), days.Sum(d => d.Shares), days.Sum(d => d.Uses));
        })];
}

/// <summary>An artist's insights over <c>from</c>..<c>to</c>: the days in total and per track.</summary>
public sealed record ArtistInsightsResponse(string ArtistId, string DisplayName, DateOnly From, DateOnly To, IReadOnlyList<TrackDayResponse> Total, IReadOnlyList<TrackInsights> Tracks);

/// <summary>One track's days, its standing in each round it reached, and every review decision on it, oldest first.</summary>
public sealed record TrackInsights(string TrackId, string Title, TrackStatus Status, IReadOnlyList<TrackDayResponse> Days, IReadOnlyList<TrackRoundResponse> Rounds, IReadOnlyList<TrackReviewResponse> Reviews);

public sealed record TrackReviewResponse(ReviewDecision Decision, DateTimeOffset At, string? Reason);
