using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Errors;
using Spotlight.ClientApi.Names;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.Domain;

namespace Spotlight.ClientApi.Endpoints;

/// <summary>What is on now for a visitor: the home page's one call instead of four (open seasons, the season,
/// its round's top 10, trending titles), joined here so a page view stays within a few requests.</summary>
public static class OnNowEndpoints
{
    public const int TopRows = 10;
    public const int TrendingTitles = 5;

    public static IEndpointRouteBuilder MapOnNowEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/now", GetAsync)
            .WithTags("Browse")
            .AllowAnonymous()
            .WithSummary("What is on now for a region: its open season (else any open one) with the current round's top 10, and the titles trending today.");
        return endpoints;
    }

    public static async Task<Results<Ok<OnNowResponse>, ValidationProblem>> GetAsync(string? region, IGrainFactory grains, RowNames names, TimeProvider clock)
    {
        // The same region rule as the season list's.
        if (SeasonBrowsing.ValidateQuery(state: null, region).Errors is { Count: > 0 } errors)
        {
            return FieldProblems.From(errors);
        }

        var seasonTask = SeasonOnNowAsync(region, grains, names, clock.GetUtcNow());
        var trending = await grains.GetGrain<ITitleCatalogGrain>(0).SearchAsync(null, null, TitleOrder.Trending, null, TrendingTitles);
        return TypedResults.Ok(new OnNowResponse(region, await seasonTask, [.. trending.Titles.Where(t => t.Trending > 0).Select(TitleListItem.From)]));
    }

    private static async Task<OnNowSeason?> SeasonOnNowAsync(string? region, IGrainFactory grains, RowNames names, DateTimeOffset now)
    {
        if (SeasonBrowsing.OnNow(await grains.GetGrain<ISeasonCatalogGrain>(0).ListAsync(), region, now) is not { } listing
            || await grains.GetGrain<ISeasonGrain>(listing.Id).GetAsync() is not { } view)
        {
            return null;
        }

        var season = SeasonResponse.From(view, admin: false);
        if (season.Rounds.FirstOrDefault(r => r.State == RoundState.Open) is not { } round)
        {
            return new OnNowSeason(season.Id, season.Name, season.Regions, listing.ClosesAt, null, null);
        }

        var board = await grains.GetGrain<IRoundGrain>(RoundKeys.Of(season.Id, round.Number)).GetLeaderboardAsync(TopRows, null, 0);
        return new OnNowSeason(season.Id, season.Name, season.Regions, listing.ClosesAt, round, await LeaderboardResponse.FromAsync(season.Id, board, names));
    }
}

/// <summary>What is on now; <c>season</c> is null when no season is open, <c>round</c> and <c>top</c> when the
/// season is between rounds. Trending titles are those with engagement in the last 24 hours, most first.</summary>
public sealed record OnNowResponse(string? Region, OnNowSeason? Season, IReadOnlyList<TitleListItem> Trending);

public sealed record OnNowSeason(string Id, string Name, IReadOnlyList<string> Regions, DateTimeOffset ClosesAt, RoundResponse? Round, LeaderboardResponse? Top);
