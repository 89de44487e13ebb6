namespace Spotlight.Domain.Ranking;

/// <summary>A track's inputs to its round score.</summary>
public sealed record Standing(string TrackId, DateTimeOffset SubmittedAt, long Popularity, decimal? MeanJudgeScore);

/// <summary>A standing at its place in the ranking, with the score it has there.</summary>
public readonly record struct RankedStanding(int Rank, Standing Standing, decimal Score);

/// <summary>
/// A round's ranking, kept up to date change by change (O(log n) per popularity or judge change, no sort
/// per read).
/// <para>
/// The popularity part of a score divides by the round's highest popularity, so every score moves when
/// the leader gains, and one ordered structure over scores would have to be rebuilt on most changes.
/// But among tracks with the same mean judge score, the score only grows with popularity, so their order
/// (popularity, then submission, then id) never depends on the maximum. Tracks are therefore kept in one
/// ranked set per distinct mean (few: judges give whole numbers), and a read merges the sets' heads with
/// the scores of the moment.
/// </para>
/// </summary>
public sealed class LiveLeaderboard(decimal popularityWeight, decimal judgeWeight)
{
    // Within a group the score grows with popularity alone, so the SPEC order there is its tie-breaks.
    private static readonly IComparer<Standing> WithinGroup = Comparer<Standing>.Create((x, y) =>
        LeaderboardOrder.Instance.Compare(new(0m, x.Popularity, x.SubmittedAt, x.TrackId), new(0m, y.Popularity, y.SubmittedAt, y.TrackId)));

    private readonly Dictionary<string, Standing> _standings = new(StringComparer.Ordinal);

    // Keyed by the judge part's mean; tracks nobody scored share the 0 group (their judge part is 0 too).
    private readonly Dictionary<decimal, RankedSet<Standing>> _groups = [];

    public int Count => _standings.Count;

    /// <summary>The round's highest popularity (0 for an empty round).</summary>
    public long MaxPopularity => _groups.Values.Select(g => g.Count > 0 ? g.First.Popularity : 0).DefaultIfEmpty(0).Max();

    public Standing? Find(string trackId) => _standings.GetValueOrDefault(trackId);

    /// <summary>Adds a track with no popularity and no judge scores; false if it is already ranked.</summary>
    public bool Add(string trackId, DateTimeOffset submittedAt) =>
        !_standings.ContainsKey(trackId) && Put(new Standing(trackId, submittedAt, 0, null));

    /// <summary>Sets a track's popularity in the round; false if the track is not ranked here.</summary>
    public bool SetPopularity(string trackId, long popularity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(popularity);
        return _standings.TryGetValue(trackId, out var current) && Replace(current, current with { Popularity = popularity });
    }

    /// <summary>Sets a track's mean judge score (null: nobody scored it); false if the track is not ranked here.</summary>
    public bool SetMeanJudgeScore(string trackId, decimal? mean) =>
        _standings.TryGetValue(trackId, out var current) && Replace(current, current with { MeanJudgeScore = mean });

    /// <summary>The first <paramref name="count"/> rows.</summary>
    public IReadOnlyList<RankedStanding> Top(int count)
    {
        var max = MaxPopularity;
        var rows = new List<RankedStanding>(Math.Min(count, Count));
        var heads = new PriorityQueue<IEnumerator<Standing>, LeaderboardKey>(LeaderboardOrder.Instance);
        foreach (var group in _groups.Values)
        {
            Enqueue(group.From(0).GetEnumerator());
        }

        while (rows.Count < count && heads.TryDequeue(out var head, out var key))
        {
            rows.Add(new RankedStanding(rows.Count + 1, head.Current, key.Score));
            Enqueue(head);
        }

        return rows;

        void Enqueue(IEnumerator<Standing> items)
        {
            if (items.MoveNext())
            {
                heads.Enqueue(items, KeyOf(items.Current, max));
            }
        }
    }

    /// <summary>The track's rank (1 is first), or null if it is not ranked here.</summary>
    public int? RankOf(string trackId)
    {
        if (!_standings.TryGetValue(trackId, out var standing))
        {
            return null;
        }

        var max = MaxPopularity;
        return 1 + _groups.Values.Sum(g => CountAbove(g, KeyOf(standing, max), max));
    }

    /// <summary>The track's row with up to <paramref name="neighbours"/> rows on each side; empty if it is not ranked here.</summary>
    public IReadOnlyList<RankedStanding> Around(string trackId, int neighbours)
    {
        if (!_standings.TryGetValue(trackId, out var standing))
        {
            return [];
        }

        var max = MaxPopularity;
        var key = KeyOf(standing, max);
        var above = new List<Standing>();
        var below = new List<Standing>();
        var rank = 1;
        foreach (var group in _groups.Values)
        {
            // In each group the tracks ranked above this one are a prefix; its nearest neighbours on either
            // side are the last few of that prefix and the first few after it.
            var boundary = CountAbove(group, key, max);
            rank += boundary;
            for (var i = Math.Max(0, boundary - neighbours); i < boundary; i++)
            {
                above.Add(group.ElementAt(i));
            }

            below.AddRange(group.From(boundary).Where(s => s.TrackId != trackId).Take(neighbours));
        }

        var nearestAbove = above.OrderBy(s => KeyOf(s, max), LeaderboardOrder.Instance).TakeLast(neighbours).ToList();
        var nearestBelow = below.OrderBy(s => KeyOf(s, max), LeaderboardOrder.Instance).Take(neighbours);
        var first = rank - nearestAbove.Count;
        return [.. nearestAbove.Append(standing).Concat(nearestBelow).Select((s, i) => new RankedStanding(first + i, s, KeyOf(s, max).Score))];
    }

    /// <summary>Every row in order: for freezing results (O(n log g)).</summary>
    public IReadOnlyList<RankedStanding> All() => Top(Count);

    public decimal ScoreOf(Standing standing) => KeyOf(standing, MaxPopularity).Score;

    private LeaderboardKey KeyOf(Standing standing, long max) => new(
        RoundScoring.Score(standing.Popularity, max, standing.MeanJudgeScore, popularityWeight, judgeWeight),
        standing.Popularity,
        standing.SubmittedAt,
        standing.TrackId);

    private int CountAbove(RankedSet<Standing> group, LeaderboardKey key, long max) =>
        group.CountWhile(s => LeaderboardOrder.Instance.Compare(KeyOf(s, max), key) < 0);

    private bool Replace(Standing current, Standing changed)
    {
        if (current == changed)
        {
            return true;
        }

        _groups[GroupOf(current)].Remove(current);
        return Put(changed);
    }

    private bool Put(Standing standing)
    {
        var key = GroupOf(standing);
        if (!_groups.TryGetValue(key, out var group))
        {
            _groups[key] = group = new RankedSet<Standing>(WithinGroup);
        }

        _standings[standing.TrackId] = standing;
        return group.Add(standing);
    }

    private static decimal GroupOf(Standing standing) => standing.MeanJudgeScore ?? 0m;
}
