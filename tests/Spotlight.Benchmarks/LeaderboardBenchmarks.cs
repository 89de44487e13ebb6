using BenchmarkDotNet.Attributes;
using Spotlight.Domain.Ranking;

namespace Spotlight.Benchmarks;

/// <summary>The live leaderboard's operations at round sizes of 100,000 and 1,000,000 tracks.</summary>
[MemoryDiagnoser]
public class LeaderboardBenchmarks
{
    private LiveLeaderboard _board = null!;
    private Random _random = null!;
    private string _leader = null!;
    private long _leaderPopularity;

    [Params(100_000, 1_000_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _board = LeaderboardFixture.Build(Entries);
        _random = new Random(7);
        var top = _board.Top(1)[0].Standing;
        (_leader, _leaderPopularity) = (top.TrackId, top.Popularity);
    }

    /// <summary>What <c>GET …/leaderboard?top=100</c> and every live update read.</summary>
    [Benchmark]
    public int Top100() => _board.Top(100).Count;

    /// <summary>A popularity change of a random track (the common update).</summary>
    [Benchmark]
    public bool UpdateRandomTrack()
    {
        var id = LeaderboardFixture.TrackId(_random.Next(Entries));
        return _board.SetPopularity(id, _board.Find(id)!.Popularity + 1 + _random.Next(50));
    }

    /// <summary>The leader gains: every score moves (the maximum is the divisor), nothing is re-keyed.</summary>
    [Benchmark]
    public bool UpdateLeader() => _board.SetPopularity(_leader, ++_leaderPopularity);

    /// <summary>A judge's score moves a track between groups.</summary>
    [Benchmark]
    public bool UpdateJudgeScore() => _board.SetMeanJudgeScore(LeaderboardFixture.TrackId(_random.Next(Entries)), _random.Next(11));

    /// <summary>What <c>GET /api/tracks/{id}</c> shows as rank.</summary>
    [Benchmark]
    public int? RankOfRandomTrack() => _board.RankOf(LeaderboardFixture.TrackId(_random.Next(Entries)));

    /// <summary>What <c>?around={trackId}</c> reads, with 5 neighbours a side.</summary>
    [Benchmark]
    public int AroundRandomTrack() => _board.Around(LeaderboardFixture.TrackId(_random.Next(Entries)), 5).Count;
}
