using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Seasons;

namespace Spotlight.Domain;

/// <summary>What a valid season is, and the defaults that complete one (SPEC "Seasons, rounds, judges,
/// partners"): round 1 advances 100, round 2 advances 18, the final selects 5..10 winners (default 10),
/// weights 0.5/0.5 and sum to 1, rounds do not overlap.</summary>
public static class SeasonRules
{
    public const int MaxNameLength = 200;
    public const int MaxRounds = 10;
    public const int MaxRegions = 250;
    public const int MaxPartners = 100;
    public const int MaxUserIdLength = 200;
    public const int MaxPrizes = 10;
    public const int MaxPrizeDescriptionLength = 500;
    public const int MinWinners = 5;
    public const int MaxWinners = 10;
    public const int DefaultWinners = 10;
    public const decimal DefaultWeight = 0.5m;

    /// <summary>How many advance from round 1, 2… when the admin does not say (a final selects winners instead).</summary>
    public static readonly IReadOnlyList<int> DefaultAdvance = [100, 18];

    /// <summary>Checks the command; on success, the season with every default filled in.</summary>
    public static (SeasonDefinition? Season, IReadOnlyList<FieldError> Errors) Validate(string id, CreateSeasonCommand command, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var name = command.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors.Add(new("name", $"A name of 1 to {MaxNameLength} characters."));
        }

        var regions = ValidateRegions(command.Regions, errors);
        var partners = ValidatePartners(command.Partners, errors);
        var winners = command.Winners ?? command.Rounds?.LastOrDefault()?.Advance ?? DefaultWinners;
        if (winners is < MinWinners or > MaxWinners)
        {
            // Name the field the caller sent: winners, or else the final round's advance (the default is in range).
            var field = command.Winners is null ? $"rounds[{command.Rounds!.Count - 1}].advance" : "winners";
            errors.Add(new(field, $"The final round selects {MinWinners} to {MaxWinners} winners."));
        }

        var rounds = ValidateRounds(id, command.Rounds, command.Winners, winners, now, errors);
        var prizes = ValidatePrizes(command.Prizes, winners, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var final = rounds[^1] with { Prizes = prizes };
        return (new SeasonDefinition(id, name!, regions, partners, [.. rounds.SkipLast(1), final], prizes, now, command.CreatedBy), errors);
    }

    /// <summary>The round's state at <paramref name="now"/>: closed once its results are frozen (by its
    /// reminder at <c>closesAt</c> or by an admin), open inside its window, scheduled before.</summary>
    public static RoundState StateOf(RoundSchedule round, bool closed, DateTimeOffset now) =>
        closed ? RoundState.Closed : now >= round.OpensAt ? RoundState.Open : RoundState.Scheduled;

    /// <summary>Judges score while the round is open and before its closing time (the reminder may come
    /// a moment later; scores after <c>closesAt</c> would not be fair).</summary>
    public static bool AcceptsScores(RoundSchedule round, bool closed, DateTimeOffset now) =>
        !closed && now >= round.OpensAt && now < round.ClosesAt;

    private static List<string> ValidateRegions(IReadOnlyList<string?>? regions, List<FieldError> errors)
    {
        if (regions is not { Count: > 0 and <= MaxRegions })
        {
            errors.Add(new("regions", $"1 to {MaxRegions} ISO 3166 alpha-2 region codes."));
            return [];
        }

        for (var i = 0; i < regions.Count; i++)
        {
            if (!IsoRegionCodes.IsAssigned(regions[i]))
            {
                errors.Add(new($"regions[{i}]", "An ISO 3166 alpha-2 region code in upper case, such as \"JP\"."));
            }
        }

        return [.. regions.OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    private static List<string> ValidatePartners(IReadOnlyList<string?>? partners, List<FieldError> errors)
    {
        partners ??= [];
        if (partners.Count > MaxPartners)
        {
            errors.Add(new("partners", $"At most {MaxPartners} partner user ids."));
            return [];
        }

        for (var i = 0; i < partners.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(partners[i]) || partners[i]!.Length > MaxUserIdLength)
            {
                errors.Add(new($"partners[{i}]", $"A user id of 1 to {MaxUserIdLength} characters."));
            }
        }

        return [.. partners.OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    private static List<RoundSchedule> ValidateRounds(
        string seasonId, IReadOnlyList<RoundPlan?>? plans, int? winnersGiven, int winners, DateTimeOffset now, List<FieldError> errors)
    {
        if (plans is not { Count: > 0 and <= MaxRounds })
        {
            errors.Add(new("rounds", $"1 to {MaxRounds} rounds, in order; the last is the final."));
            return [];
        }

        var rounds = new List<RoundSchedule>();
        for (var i = 0; i < plans.Count; i++)
        {
            var field = $"rounds[{i}]";
            if (plans[i] is not { } plan)
            {
                errors.Add(new(field, "A round is required here."));
                continue;
            }

            var isFinal = i == plans.Count - 1;
            var roundErrors = errors.Count;
            var name = plan.Name?.Trim() is { Length: > 0 } given ? given : isFinal ? "Final" : $"Round {i + 1}";
            if (name.Length > MaxNameLength)
            {
                errors.Add(new($"{field}.name", $"At most {MaxNameLength} characters."));
            }

            ValidateWindow(plan, field, i > 0 ? plans[i - 1]?.ClosesAt : null, i, now, errors);
            var advance = isFinal ? winners : plan.Advance ?? (i < DefaultAdvance.Count ? DefaultAdvance[i] : 0);
            if (isFinal && plan.Advance is { } finalAdvance && winnersGiven is { } w && finalAdvance != w)
            {
                errors.Add(new($"{field}.advance", "The final round's advance is the number of winners; it differs from winners."));
            }
            else if (!isFinal && advance < 1)
            {
                errors.Add(new($"{field}.advance", "How many tracks go on to the next round: at least 1 (required after round 2)."));
            }

            var (popularityWeight, judgeWeight) = ValidateWeights(plan, field, errors);
            if (errors.Count == roundErrors)
            {
                rounds.Add(new RoundSchedule(seasonId, i + 1, name, plan.OpensAt!.Value, plan.ClosesAt!.Value, advance, popularityWeight, judgeWeight, isFinal, []));
            }
        }

        // Each round narrows the field: fewer go on than came in. The error names a count the caller sent:
        // this round's if given, else the previous round's (defaults narrow on their own).
        string? SentCount(int i) =>
            i == plans.Count - 1 && winnersGiven is not null ? "winners" : plans[i]?.Advance is not null ? $"rounds[{i}].advance" : null;
        for (var i = 1; i < rounds.Count && rounds.Count == plans.Count; i++)
        {
            if (rounds[i].Advance >= rounds[i - 1].Advance)
            {
                var field = SentCount(i) ?? SentCount(i - 1) ?? $"rounds[{i}].advance";
                errors.Add(new(field, $"Round {i + 1} must let fewer go on than the {rounds[i - 1].Advance} that advance from round {i}."));
            }
        }

        return rounds;
    }

    private static void ValidateWindow(RoundPlan plan, string field, DateTimeOffset? previousClosesAt, int previousNumber, DateTimeOffset now, List<FieldError> errors)
    {
        // Popularity is kept per minute of event time, so windows on whole minutes are counted exactly.
        foreach (var (name, at) in new[] { ("opensAt", plan.OpensAt), ("closesAt", plan.ClosesAt) })
        {
            if (at is null)
            {
                errors.Add(new($"{field}.{name}", "A time (ISO 8601) is required."));
            }
            else if (at.Value.Ticks % TimeSpan.TicksPerMinute != 0 || at.Value.Offset.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                errors.Add(new($"{field}.{name}", "Round windows start and end on whole minutes (seconds 0)."));
            }
        }

        if (plan.OpensAt is not { } opens || plan.ClosesAt is not { } closes)
        {
            return;
        }

        if (closes <= opens)
        {
            errors.Add(new($"{field}.closesAt", "Must be after opensAt."));
        }
        else if (closes <= now)
        {
            errors.Add(new($"{field}.closesAt", "Must be in the future."));
        }

        if (opens < previousClosesAt)
        {
            errors.Add(new($"{field}.opensAt", $"Rounds may not overlap: round {previousNumber} closes at {previousClosesAt:O}."));
        }
    }

    private static (decimal Popularity, decimal Judge) ValidateWeights(RoundPlan plan, string field, List<FieldError> errors)
    {
        // One weight given: the other is what remains of 1.
        var popularity = plan.PopularityWeight ?? (plan.JudgeWeight is { } j ? 1m - j : DefaultWeight);
        var judge = plan.JudgeWeight ?? 1m - popularity;
        var before = errors.Count;
        // A weight derived from the other is out of range only when the other is: name what was sent.
        if (popularity is < 0m or > 1m && plan.PopularityWeight is not null)
        {
            errors.Add(new($"{field}.popularityWeight", "From 0 to 1."));
        }

        if (judge is < 0m or > 1m && plan.JudgeWeight is not null)
        {
            errors.Add(new($"{field}.judgeWeight", "From 0 to 1."));
        }

        if (errors.Count == before && popularity + judge != 1m)
        {
            errors.Add(new($"{field}.judgeWeight", "popularityWeight and judgeWeight must sum to 1."));
        }

        return (popularity, judge);
    }

    private static List<Prize> ValidatePrizes(IReadOnlyList<Prize?>? prizes, int winners, List<FieldError> errors)
    {
        prizes ??= [];
        if (prizes.Count > MaxPrizes)
        {
            errors.Add(new("prizes", $"At most {MaxPrizes} prizes."));
            return [];
        }

        var valid = new List<Prize>();
        for (var i = 0; i < prizes.Count; i++)
        {
            var field = $"prizes[{i}]";
            if (prizes[i] is not { } prize)
            {
                errors.Add(new(field, "A prize is required here."));
                continue;
            }

            if (prize.FromRank < 1 || prize.FromRank > winners)
            {
                errors.Add(new($"{field}.fromRank", $"A winner's rank, 1 to {winners}."));
            }
            else if (prize.ToRank < prize.FromRank || prize.ToRank > winners)
            {
                errors.Add(new($"{field}.toRank", $"From fromRank to {winners}."));
            }
            else if (valid.Any(p => p.FromRank <= prize.ToRank && prize.FromRank <= p.ToRank))
            {
                errors.Add(new($"{field}.fromRank", "Prize rank ranges may not overlap."));
            }

            if (string.IsNullOrWhiteSpace(prize.Description) || prize.Description.Trim().Length > MaxPrizeDescriptionLength)
            {
                errors.Add(new($"{field}.description", $"A description of 1 to {MaxPrizeDescriptionLength} characters."));
            }
            else
            {
                valid.Add(prize with { Description = prize.Description.Trim() });
            }
        }

        return valid;
    }

    /// <summary>The prize of the winner at <paramref name="rank"/>, if any.</summary>
    public static string? PrizeFor(IReadOnlyList<Prize> prizes, int rank) =>
        prizes.FirstOrDefault(p => rank >= p.FromRank && rank <= p.ToRank)?.Description;
}
