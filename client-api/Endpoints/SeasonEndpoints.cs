using System.ComponentModel.DataAnnotations;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Audit;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.ClientApi.Live;
using Spotlight.ClientApi.Names;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Artists;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.Domain;

namespace Spotlight.ClientApi.Endpoints;

public static class SeasonEndpoints
{
    private const string ShortlistReadersDetail = "Only the season's partners and admins read its shortlist.";

    public const int DefaultTop = 100;
    public const int MaxTop = 1000;
    public const int DefaultNeighbours = 5;
    public const int MaxNeighbours = 50;

    public static IEndpointRouteBuilder MapSeasonEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var seasons = endpoints.MapGroup("/seasons").WithTags("Seasons");
        seasons.MapGet("/", ListAsync)
            .AllowAnonymous()
            .WithSummary("Seasons to browse, by phase (open, upcoming, closed) and region: open ones ending soonest first, then upcoming by opening, then closed, latest first.");
        seasons.MapPost("/", CreateAsync)
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Create a season: regions, partners, rounds (windows on whole minutes), prizes.")
            .Audited("season.create", "season", (_, body) => (body as CreateSeasonRequest)?.Id);
        seasons.MapGet("/{id}", GetAsync)
            .AllowAnonymous()
            .WithSummary("A season with each round's state; partners and judges for admins only.");
        seasons.MapPost("/{id}/judges", AddJudgeAsync)
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Assign a judge to the season.")
            .Audited("season.judge", "season");
        seasons.MapPost("/{id}/rounds/{n}/scores", ScoreAsync)
            .RequireAuthorization(Policies.Judge)
            .WithSummary("A judge's score (0..10) for an entry of an open round; a later score replaces it.")
            .Audited("round.score", "round");
        seasons.MapGet("/{id}/rounds/{n}/scores", GetOwnScoresAsync)
            .RequireAuthorization(Policies.Judge)
            .WithSummary("The scores the calling judge gave in the round (only their own).");
        seasons.MapGet("/{id}/rounds/{n}/leaderboard", GetLeaderboardAsync)
            .AllowAnonymous()
            .WithSummary("The round's ranking: top rows and, with `around`, a track's row with its neighbours.");
        seasons.MapGet("/{id}/rounds/{n}/leaderboard/live", WatchLeaderboardAsync)
            .AllowAnonymous()
            .WithSummary("Server-sent events (`leaderboard`) of the top rows whenever they change, a few a second at most.");
        seasons.MapPost("/{id}/rounds/{n}/close", CloseAsync)
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Close the round now (idempotent): freeze results, advance the top tracks or select winners.")
            .Audited("round.close", "round");
        seasons.MapGet("/{id}/rounds/{n}/results", GetResultsAsync)
            .AllowAnonymous()
            .WithSummary("A closed round's frozen ranking, who advanced and who won.");
        seasons.MapGet("/{id}/shortlist", GetShortlistAsync)
            .RequireAuthorization(Policies.Subject)
            .WithSummary("The current round's top rows with artist contacts, for the season's partners and admins.");
        return endpoints;
    }

    public static async Task<Results<Ok<IReadOnlyList<SeasonListItem>>, ValidationProblem>> ListAsync(
        [AllowedValues("open", "upcoming", "closed")] string? state, string? region, IGrainFactory grains, TimeProvider clock)
    {
        var (phase, errors) = SeasonBrowsing.ValidateQuery(state, region);
        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        var now = clock.GetUtcNow();
        var seasons = SeasonBrowsing.Browse(await grains.GetGrain<ISeasonCatalogGrain>(0).ListAsync(), phase, region, now);
        return TypedResults.Ok<IReadOnlyList<SeasonListItem>>([.. seasons.Select(s => SeasonListItem.From(s, now))]);
    }

    public static async Task<Results<Created<SeasonResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateSeasonRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ResourceIds.IsValid(request.Id))
        {
            return ResourceIds.Problem("id");
        }

        var command = new CreateSeasonCommand(request.Name, request.Regions, request.Partners, request.Rounds, request.Winners, request.Prizes, user.SubjectId());
        var result = await grains.GetGrain<ISeasonGrain>(request.Id!).CreateAsync(command);
        return result.Outcome switch
        {
            SeasonCreateOutcome.Created => TypedResults.Created($"/api/seasons/{request.Id}", SeasonResponse.From(result.Value!, admin: true)),
            SeasonCreateOutcome.AlreadyExists => Problems.Conflict($"A season with id '{request.Id}' already exists."),
            _ => FieldProblems.From(result.Errors),
        };
    }

    public static async Task<Results<Ok<SeasonResponse>, NotFound, ValidationProblem>> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        return await grains.GetGrain<ISeasonGrain>(id).GetAsync() is { } season
            ? TypedResults.Ok(SeasonResponse.From(season, user.IsInRole(Roles.Admin)))
            : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<SeasonResponse>, NotFound, ValidationProblem>> AddJudgeAsync(string id, AddJudgeRequest request, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(request.UserId) || request.UserId.Length > SeasonRules.MaxUserIdLength)
        {
            return FieldProblems.Single("userId", $"A user id of 1 to {SeasonRules.MaxUserIdLength} characters.");
        }

        var season = grains.GetGrain<ISeasonGrain>(id);
        if (await season.AddJudgeAsync(request.UserId) == SeasonChangeOutcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(SeasonResponse.From((await season.GetAsync())!, admin: true));
    }

    public static async Task<Results<Ok<JudgeScoreResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ScoreAsync(
        string id, int n, JudgeScoreRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        if (!ResourceIds.IsValid(request.TrackId))
        {
            errors.Add(new("trackId", $"A track id of {ResourceIdRules.Description}."));
        }

        if (request.Score is not { } score || !RoundScoring.IsValidJudgeScore(score))
        {
            errors.Add(new("score", $"A whole number from {RoundScoring.MinJudgeScore} to {RoundScoring.MaxJudgeScore}."));
        }

        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        var judgeId = user.SubjectId();
        return await grains.GetGrain<ISeasonGrain>(id).ScoreAsync(n, judgeId, request.TrackId!, request.Score!.Value) switch
        {
            JudgeScoreOutcome.Scored => TypedResults.Ok(new JudgeScoreResponse(id, n, request.TrackId!, judgeId, request.Score!.Value)),
            JudgeScoreOutcome.UnknownSeason or JudgeScoreOutcome.UnknownRound => TypedResults.NotFound(),
            JudgeScoreOutcome.NotAJudge => Problems.Forbidden("Only judges assigned to this season score its rounds."),
            JudgeScoreOutcome.NotAnEntry => FieldProblems.Single("trackId", $"The track is not an entry of round {n}."),
            JudgeScoreOutcome.RoundNotOpen => Problems.Conflict($"Round {n} is not open for scores."),
            _ => FieldProblems.Single("score", $"A whole number from {RoundScoring.MinJudgeScore} to {RoundScoring.MaxJudgeScore}."),
        };
    }

    public static async Task<Results<Ok<JudgeScoresResponse>, NotFound, ValidationProblem, ProblemHttpResult>> GetOwnScoresAsync(
        string id, int n, ClaimsPrincipal user, IGrainFactory grains)
    {
        var judgeId = user.SubjectId();
        var given = await grains.GetGrain<ISeasonGrain>(id).GetJudgeScoresAsync(n, judgeId);
        return given.Outcome switch
        {
            JudgeScoresOutcome.Found => TypedResults.Ok(new JudgeScoresResponse(id, n, judgeId,
                [.. given.ByTrack.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new JudgeScoreItem(s.Key, s.Value))])),
            JudgeScoresOutcome.NotAJudge => Problems.Forbidden("Only judges assigned to this season have scores in its rounds."),
            _ => TypedResults.NotFound(),
        };
    }

    public static async Task<Results<Ok<LeaderboardResponse>, NotFound, ValidationProblem>> GetLeaderboardAsync(
        string id, int n, int? top, string? around, int? neighbours, IGrainFactory grains, RowNames names)
    {
        var errors = ValidateRound(top, around, neighbours);
        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        if (await FindRoundAsync(grains, id, n) is not { } round)
        {
            return TypedResults.NotFound();
        }

        var board = await round.GetLeaderboardAsync(top ?? DefaultTop, around, neighbours ?? DefaultNeighbours);
        return TypedResults.Ok(await LeaderboardResponse.FromAsync(id, board, names));
    }

    public static async Task<Results<ServerSentEventsResult<LeaderboardResponse>, NotFound, ValidationProblem>> WatchLeaderboardAsync(
        string id, int n, int? top, IGrainFactory grains, LiveLeaderboardFeed feed, RowNames names, CancellationToken cancellationToken)
    {
        var errors = ValidateRound(top, around: null, neighbours: null);
        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        if (await FindRoundAsync(grains, id, n) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.ServerSentEvents(EventsAsync(feed.WatchAsync(RoundKeys.Of(id, n), top ?? DefaultTop, cancellationToken), id, names, cancellationToken));

        static async IAsyncEnumerable<SseItem<LeaderboardResponse>> EventsAsync(
            IAsyncEnumerable<Leaderboard> boards, string seasonId, RowNames names, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var board in boards.WithCancellation(cancellationToken))
            {
                yield return new SseItem<LeaderboardResponse>(await LeaderboardResponse.FromAsync(seasonId, board, names), "leaderboard");
            }
        }
    }

    public static async Task<Results<Ok<RoundResultsResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CloseAsync(
        string id, int n, ClaimsPrincipal user, IGrainFactory grains, RowNames names)
    {
        if (await FindRoundAsync(grains, id, n) is not { } round)
        {
            return TypedResults.NotFound();
        }

        switch (await round.CloseAsync(user.SubjectId()))
        {
            case RoundCloseOutcome.EarlierRoundOpen:
                return Problems.Conflict($"Rounds close in order: round {n - 1} is still open.");
            case RoundCloseOutcome.UnknownRound:
                // The season is still handing the round its schedule (a retried follow-up).
                return Problems.Conflict($"Round {n} is not scheduled yet; try again in a few seconds.");
        }

        return TypedResults.Ok(await RoundResultsResponse.FromAsync(id, (await round.GetResultsAsync())!, names));
    }

    public static async Task<Results<Ok<RoundResultsResponse>, NotFound, ValidationProblem, ProblemHttpResult>> GetResultsAsync(
        string id, int n, IGrainFactory grains, RowNames names)
    {
        if (await FindRoundAsync(grains, id, n) is not { } round)
        {
            return TypedResults.NotFound();
        }

        return await round.GetResultsAsync() is { } results
            ? TypedResults.Ok(await RoundResultsResponse.FromAsync(id, results, names))
            : Problems.Conflict($"Round {n} has not closed yet; its live ranking is at the leaderboard.");
    }

    public static async Task<Results<Ok<ShortlistResponse>, NotFound, ValidationProblem, ProblemHttpResult>> GetShortlistAsync(
        string id, int? top, ClaimsPrincipal user, IGrainFactory grains, RowNames names)
    {
        var errors = ValidateRound(top, around: null, neighbours: null);
        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        var season = grains.GetGrain<ISeasonGrain>(id);
        if (await season.GetAsync() is not { } view)
        {
            // Only admins learn whether a season exists; a partner of no such season is simply not its partner.
            return user.IsInRole(Roles.Admin) ? TypedResults.NotFound() : Problems.Forbidden(ShortlistReadersDetail);
        }

        var admin = user.IsInRole(Roles.Admin);
        if (!admin && !(user.IsInRole(Roles.Partner) && view.Season.Partners.Contains(user.SubjectId())))
        {
            return Problems.Forbidden(ShortlistReadersDetail);
        }

        var current = (await season.GetCurrentRoundAsync())!.Value;
        var schedule = view.Season.Rounds[current - 1];
        // By default the shortlist is as long as the round's advancement (or its winners, in the final).
        var board = await grains.GetGrain<IRoundGrain>(schedule.Key).GetLeaderboardAsync(top ?? schedule.Advance, around: null, neighbours: 0);
        var artists = await GrainCalls.InBatchesAsync(
            board.Rows.Select(r => r.ArtistId), batchSize: 32, artistId => grains.GetGrain<IArtistGrain>(artistId).GetAsync());
        var audio = await names.AudioAsync(board.Rows.Select(r => r.TrackId));
        var rows = board.Rows
            .Select(r => new ShortlistRow(r, audio.GetValueOrDefault(r.TrackId),
                artists.GetValueOrDefault(r.ArtistId) is { } a ? new ShortlistContact(a.DisplayName, a.Region, a.Verified, a.Links, a.ContactEmail) : null))
            .ToList();
        return TypedResults.Ok(new ShortlistResponse(id, current, board.State, rows));
    }

    private static List<FieldError> ValidateRound(int? top, string? around, int? neighbours)
    {
        var errors = new List<FieldError>();
        if (top is < 1 or > MaxTop)
        {
            errors.Add(new("top", $"From 1 to {MaxTop}."));
        }

        if (around is not null && !ResourceIds.IsValid(around))
        {
            errors.Add(new("around", $"A track id of {ResourceIdRules.Description}."));
        }

        if (neighbours is < 0 or > MaxNeighbours)
        {
            errors.Add(new("neighbours", $"From 0 to {MaxNeighbours}."));
        }

        return errors;
    }

    /// <summary>The round grain when the season exists and has round <paramref name="n"/>.</summary>
    /// <summary>Whether the season exists and has a round <paramref name="n"/>.</summary>
    public static async Task<bool> HasRoundAsync(IGrainFactory grains, string seasonId, int n) => await FindRoundAsync(grains, seasonId, n) is not null;

    private static async Task<IRoundGrain?> FindRoundAsync(IGrainFactory grains, string seasonId, int n)
    {
        var season = await grains.GetGrain<ISeasonGrain>(seasonId).GetAsync();
        return season is not null && n >= 1 && n <= season.Season.Rounds.Count
            ? grains.GetGrain<IRoundGrain>(RoundKeys.Of(seasonId, n))
            : null;
    }
}
