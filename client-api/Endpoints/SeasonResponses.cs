using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Spotlight.ClientApi.Names;
using Spotlight.Domain;
using Spotlight.GrainInterfaces.Seasons;

namespace Spotlight.ClientApi.Endpoints;

public sealed record CreateSeasonRequest(
    [property: Required] string? Id,
    [property: Required] string? Name,
    [property: Required] IReadOnlyList<string?>? Regions,
    IReadOnlyList<string?>? Partners,
    [property: Required] IReadOnlyList<RoundPlan?>? Rounds,
    int? Winners,
    IReadOnlyList<Prize?>? Prizes);

/// <summary>A season as the season list shows it; <c>state</c> is open, upcoming or closed now.</summary>
public sealed record SeasonListItem(string Id, string Name, IReadOnlyList<string> Regions, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string State)
{
    public static SeasonListItem From(SeasonListing season, DateTimeOffset now) =>
        new(season.Id, season.Name, season.Regions, season.OpensAt, season.ClosesAt, SeasonBrowsing.NameOf(SeasonBrowsing.PhaseOf(season, now)));
}

public sealed record AddJudgeRequest([property: Required] string? UserId);

public sealed record JudgeScoreRequest([property: Required] string? TrackId, [property: Required] int? Score);

public sealed record JudgeScoreResponse(string SeasonId, int Round, string TrackId, string JudgeId, int Score);

/// <summary>The scores the calling judge gave in a round, so a judging page can show them again.</summary>
public sealed record JudgeScoresResponse(string SeasonId, int Round, string JudgeId, IReadOnlyList<JudgeScoreItem> Scores);

public sealed record JudgeScoreItem(string TrackId, int Score);

public sealed record RoundResponse(
    int Number,
    string Name,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int Advance,
    decimal PopularityWeight,
    decimal JudgeWeight,
    bool Final,
    RoundState State);

/// <summary>A season. Partners and judges are user ids, shown to admins only.</summary>
public sealed record SeasonResponse(
    string Id,
    string Name,
    IReadOnlyList<string> Regions,
    IReadOnlyList<RoundResponse> Rounds,
    int Winners,
    IReadOnlyList<Prize> Prizes,
    IReadOnlyList<string> WinnerTrackIds,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Partners,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Judges)
{
    public static SeasonResponse From(SeasonView view, bool admin)
    {
        var season = view.Season;
        return new SeasonResponse(
            season.Id,
            season.Name,
            season.Regions,
            [.. season.Rounds.Select((r, i) => new RoundResponse(r.Number, r.Name, r.OpensAt, r.ClosesAt, r.Advance, r.PopularityWeight, r.JudgeWeight, r.IsFinal, view.RoundStates[i]))],
            season.Winners,
            season.Prizes,
            view.WinnerTrackIds,
            season.CreatedAt,
            admin ? season.Partners : null,
            admin ? view.Judges : null);
    }
}

public sealed record LeaderboardResponse(
    string SeasonId,
    int Round,
    RoundState State,
    int Entries,
    IReadOnlyList<RankedTrackResponse> Rows,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RankedTrackResponse>? Around)
{
    public static async Task<LeaderboardResponse> FromAsync(string seasonId, Leaderboard board, RowNames names)
    {
        var joined = await names.JoinAsync(board.Rows.Concat(board.Around ?? []).ToList(), r => r.ArtistId, r => r.TrackId);
        return new(seasonId, board.Round, board.State, board.Entries,
            [.. board.Rows.Select(r => RankedTrackResponse.From(r, joined))],
            board.Around is null ? null : [.. board.Around.Select(r => RankedTrackResponse.From(r, joined))]);
    }
}

/// <summary>A ranked track with its artist's name and badge and its audio address (joined by the API, so a page
/// needs no more calls); <c>artistName</c> and <c>audioUrl</c> are null only when the profile or track cannot
/// be read.</summary>
public sealed record RankedTrackResponse(
    int Rank,
    string TrackId,
    string Title,
    string? AudioUrl,
    string ArtistId,
    string? ArtistName,
    bool ArtistVerified,
    long Popularity,
    decimal? JudgeScore,
    decimal Score,
    DateTimeOffset SubmittedAt)
{
    public static RankedTrackResponse From(LeaderboardRow row, RowJoin joined)
    {
        var artist = joined.Artist(row.ArtistId);
        return new(row.Rank, row.TrackId, row.Title, joined.AudioOf(row.TrackId), row.ArtistId, artist?.DisplayName, artist?.Verified ?? false,
            row.Popularity, row.JudgeScore, row.Score, row.SubmittedAt);
    }
}

/// <summary>Frozen rows; <c>advanced</c> lists who went on to the next round, <c>winners</c> who won the final.</summary>
public sealed record RoundResultsResponse(
    string SeasonId,
    int Round,
    DateTimeOffset ClosedAt,
    string ClosedBy,
    bool Final,
    IReadOnlyList<ResultRowResponse> Rows,
    IReadOnlyList<string> Advanced,
    IReadOnlyList<string> Winners)
{
    public static async Task<RoundResultsResponse> FromAsync(string seasonId, RoundResults results, RowNames names)
    {
        var joined = await names.JoinAsync(results.Rows, r => r.Row.ArtistId, r => r.Row.TrackId);
        return new(
            seasonId,
            results.Round,
            results.ClosedAt,
            results.ClosedBy,
            results.IsFinal,
            [.. results.Rows.Select(r => ResultRowResponse.From(r, joined))],
            [.. results.Rows.Where(r => r.Advanced).Select(r => r.Row.TrackId)],
            [.. results.Rows.Where(r => r.Winner).Select(r => r.Row.TrackId)]);
    }
}

public sealed record ResultRowResponse(
    int Rank,
    string TrackId,
    string ArtistId,
    string? ArtistName,
    bool ArtistVerified,
    string Title,
    string? AudioUrl,
    long Popularity,
    decimal? JudgeScore,
    decimal Score,
    bool Advanced,
    bool Winner,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Prize)
{
    public static ResultRowResponse From(ResultRow r, RowJoin joined)
    {
        var artist = joined.Artist(r.Row.ArtistId);
        return new(r.Row.Rank, r.Row.TrackId, r.Row.ArtistId, artist?.DisplayName, artist?.Verified ?? false, r.Row.Title, joined.AudioOf(r.Row.TrackId),
            r.Row.Popularity, r.Row.JudgeScore, r.Row.Score, r.Advanced, r.Winner, r.Prize);
    }
}

/// <summary>A shortlisted artist's contact for partners: the profile's links and contact e-mail.</summary>
public sealed record ShortlistContact(string DisplayName, string Region, bool Verified, IReadOnlyList<string> Links, string? ContactEmail);

/// <summary>A shortlisted track with its audio address and its artist's contact.</summary>
public sealed record ShortlistRow(LeaderboardRow Row, string? AudioUrl, ShortlistContact? Artist);

public sealed record ShortlistResponse(string SeasonId, int Round, RoundState State, IReadOnlyList<ShortlistRow> Rows);

/// <summary>A track's place in its season, on <c>GET /api/tracks/{id}</c>. <c>entry</c> says whether it
/// entered (or why not); the rest is its latest round once it did.</summary>
public sealed record TrackSeasonResponse(
    string SeasonId,
    string Entry,
    int? Round,
    RoundState? RoundState,
    int? Rank,
    decimal? Score,
    TrackOutcome? Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Prize);
