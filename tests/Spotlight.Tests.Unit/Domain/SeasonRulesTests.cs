using Spotlight.GrainInterfaces.Seasons;
using Spotlight.Domain;

namespace Spotlight.Tests.Unit.Domain;

public class SeasonRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 15, TimeSpan.Zero);
    private static readonly DateTimeOffset Hour = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static CreateSeasonCommand Command(IReadOnlyList<RoundPlan?> rounds, int? winners = null, IReadOnlyList<Prize?>? prizes = null) =>
        new("Season", ["JP"], ["partner-1"], rounds, winners, prizes, "admin-1");

    private static RoundPlan Round(int fromHour, int toHour, int? advance = null, decimal? popularity = null, decimal? judge = null) =>
        new(null, Hour.AddHours(fromHour), Hour.AddHours(toHour), advance, popularity, judge);

    [Fact]
    public void Defaults_Advance100Then18_Final10Winners_HalfWeights()
    {
        var (season, errors) = SeasonRules.Validate("s1", Command([Round(0, 1), Round(1, 2), Round(2, 3)]), Now);

        Assert.Empty(errors);
        Assert.Equal([100, 18, 10], season!.Rounds.Select(r => r.Advance));
        Assert.Equal(["Round 1", "Round 2", "Final"], season.Rounds.Select(r => r.Name));
        Assert.All(season.Rounds, r => Assert.Equal((0.5m, 0.5m), (r.PopularityWeight, r.JudgeWeight)));
        Assert.Equal([false, false, true], season.Rounds.Select(r => r.IsFinal));
        Assert.Equal(10, season.Winners);
    }

    [Fact]
    public void OneWeight_TheOtherIsTheRest_BothMustSumToOne()
    {
        var (season, _) = SeasonRules.Validate("s1", Command([Round(0, 1, judge: 0.8m), Round(1, 2, popularity: 1m)]), Now);
        Assert.Equal((0.2m, 0.8m), (season!.Rounds[0].PopularityWeight, season.Rounds[0].JudgeWeight));
        Assert.Equal((1m, 0m), (season.Rounds[1].PopularityWeight, season.Rounds[1].JudgeWeight));

        var (_, errors) = SeasonRules.Validate("s1", Command([Round(0, 1, popularity: 0.6m, judge: 0.6m), Round(1, 2, popularity: 1.5m)]), Now);
        // Round 2's judge weight (−0.5) was derived, not sent: only the weight the caller sent is named.
        Assert.Equal(["rounds[0].judgeWeight", "rounds[1].popularityWeight"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Windows_OnWholeMinutes_InTheFuture_InOrder_WithoutOverlap()
    {
        string[] FieldsOf(params RoundPlan?[] rounds) => [.. SeasonRules.Validate("s1", Command(rounds), Now).Errors.Select(e => e.Field)];

        Assert.Equal(["rounds[0].opensAt"], FieldsOf(new RoundPlan(null, Hour.AddSeconds(30), Hour.AddHours(1), null, null, null)));
        Assert.Equal(["rounds[0].closesAt"], FieldsOf(Round(-3, -2)));
        Assert.Equal(["rounds[0].closesAt"], FieldsOf(Round(3, 3)));
        Assert.Equal(["rounds[1].opensAt"], FieldsOf(Round(0, 2), Round(1, 3)));
        Assert.Equal(["rounds[1]"], FieldsOf(Round(0, 2), null));
        Assert.Equal(["rounds[0].opensAt", "rounds[0].closesAt"], FieldsOf(new RoundPlan(null, null, null, null, null, null)));
        // Opened in the past is fine (a season announced late); back to back is fine.
        Assert.Empty(FieldsOf(Round(-5, 1), Round(1, 2)));
    }

    [Fact]
    public void Advancement_Narrows_AndTheFinalSelectsFiveToTenWinners()
    {
        Assert.Contains(SeasonRules.Validate("s1", Command([Round(0, 1, advance: 10), Round(1, 2)], winners: 10), Now).Errors, e => e.Field == "winners");
        Assert.Contains(SeasonRules.Validate("s1", Command([Round(0, 1), Round(1, 2, advance: 200), Round(2, 3)]), Now).Errors, e => e.Field == "rounds[1].advance");
        Assert.Contains(SeasonRules.Validate("s1", Command([Round(0, 1)], winners: 4), Now).Errors, e => e.Field == "winners");
        Assert.Contains(SeasonRules.Validate("s1", Command([Round(0, 1), Round(1, 2), Round(2, 3), Round(3, 4)]), Now).Errors, e => e.Field == "rounds[2].advance");
        // The final's advance is its winners; both may be given if they agree.
        Assert.Equal(7, SeasonRules.Validate("s1", Command([Round(0, 1, advance: 7)]), Now).Season!.Winners);
        Assert.Contains(SeasonRules.Validate("s1", Command([Round(0, 1, advance: 7)], winners: 6), Now).Errors, e => e.Field == "rounds[0].advance");
    }

    [Fact]
    public void CountErrors_NameAFieldTheCallerSent()
    {
        string[] FieldsOf(IReadOnlyList<RoundPlan?> rounds, int? winners = null) =>
            [.. SeasonRules.Validate("s1", Command(rounds, winners), Now).Errors.Select(e => e.Field)];

        // The final's advance out of range and no winners sent: the advance is named, not winners.
        Assert.Equal(["rounds[1].advance"], FieldsOf([Round(0, 1), Round(1, 2, advance: -1)]));
        Assert.Equal(["rounds[0].advance"], FieldsOf([Round(0, 1, advance: 11)]));
        Assert.Equal(["winners"], FieldsOf([Round(0, 1)], winners: 11));
        // Round 1 lets 8 go on and the final keeps its default of 10: the 8 is what the caller sent.
        Assert.Equal(["rounds[0].advance"], FieldsOf([Round(0, 1, advance: 8), Round(1, 2)]));
        Assert.Equal(["rounds[1].advance"], FieldsOf([Round(0, 1, advance: 8), Round(1, 2, advance: 9)]));
        Assert.Equal(["winners"], FieldsOf([Round(0, 1, advance: 8), Round(1, 2)], winners: 9));
    }

    [Fact]
    public void Prizes_CoverWinnersRanks_WithoutOverlap()
    {
        Prize?[] prizes = [new(1, 1, "Session"), new(2, 5, " Mentoring "), new(5, 6, "x"), new(7, 11, "y"), new(3, 3, "")];

        var (_, errors) = SeasonRules.Validate("s1", Command([Round(0, 1)], winners: 10, prizes), Now);
        Assert.Equal(["prizes[2].fromRank", "prizes[3].toRank", "prizes[4].fromRank", "prizes[4].description"], errors.Select(e => e.Field));

        var (season, _) = SeasonRules.Validate("s1", Command([Round(0, 1)], winners: 10, prizes[..2]), Now);
        Assert.Equal("Mentoring", SeasonRules.PrizeFor(season!.Prizes, 4));
        Assert.Equal("Session", SeasonRules.PrizeFor(season.Rounds[^1].Prizes, 1));
        Assert.Null(SeasonRules.PrizeFor(season.Prizes, 6));
    }

    [Fact]
    public void RoundState_AndScores_FollowTheWindowUntilClosed()
    {
        var round = SeasonRules.Validate("s1", Command([Round(0, 1)]), Now).Season!.Rounds[0];

        Assert.Equal(RoundState.Scheduled, SeasonRules.StateOf(round, closed: false, Hour.AddTicks(-1)));
        Assert.Equal(RoundState.Open, SeasonRules.StateOf(round, closed: false, Hour));
        Assert.Equal(RoundState.Closed, SeasonRules.StateOf(round, closed: true, Hour));
        Assert.False(SeasonRules.AcceptsScores(round, closed: false, Hour.AddTicks(-1)));
        Assert.True(SeasonRules.AcceptsScores(round, closed: false, Hour));
        // After closesAt no score counts, even before the reminder has closed the round.
        Assert.False(SeasonRules.AcceptsScores(round, closed: false, Hour.AddHours(1)));
        Assert.False(SeasonRules.AcceptsScores(round, closed: true, Hour.AddMinutes(5)));
    }

    [Fact]
    public void Regions_AndPartners_AreChecked()
    {
        var (_, errors) = SeasonRules.Validate("s1", new CreateSeasonCommand(" ", ["JP", "XX"], ["", "p"], [Round(0, 1)], null, null, "a"), Now);

        Assert.Equal(["name", "regions[1]", "partners[0]"], errors.Select(e => e.Field));
        Assert.Contains(SeasonRules.Validate("s1", new CreateSeasonCommand("n", [], null, [Round(0, 1)], null, null, "a"), Now).Errors, e => e.Field == "regions");
        Assert.Contains(SeasonRules.Validate("s1", new CreateSeasonCommand("n", ["JP"], null, [], null, null, "a"), Now).Errors, e => e.Field == "rounds");
    }
}
