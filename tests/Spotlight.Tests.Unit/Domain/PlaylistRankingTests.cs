using Spotlight.GrainInterfaces.Playlists;
using Spotlight.Domain;

namespace Spotlight.Tests.Unit.Domain;

public class PlaylistRankingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static PlaylistEntry Entry(string track, long popularity = 0, int clearedMinute = 0, string artist = "a1") =>
        new(track, artist, "Artist", "Title " + track, T0.AddMinutes(clearedMinute), popularity, ArtistVerified: false);

    private static IEnumerable<string> Order(PlaylistRanking ranking, int limit = 100) => ranking.Top(limit).Select(e => e.TrackId);

    [Fact]
    public void Top_OrdersByPopularity_ThenEarliestCleared_ThenTrackId()
    {
        var ranking = new PlaylistRanking(
            [Entry("c", 5, 3), Entry("a", 5, 1), Entry("z", 9, 9), Entry("b", 5, 1), Entry("d", 0, 0)], []);

        Assert.Equal(["z", "a", "b", "c", "d"], Order(ranking));
    }

    [Fact]
    public void Add_Twice_KeepsTheFirstAndItsPopularity()
    {
        var ranking = new PlaylistRanking([], []);
        ranking.Add(Entry("t", 0));
        ranking.UpdatePopularity("t", 42);

        Assert.False(ranking.Add(Entry("t", 0)));
        Assert.Equal(42, Assert.Single(ranking.Top(10)).Popularity);
    }

    [Fact]
    public void UpdatePopularity_MovesTheTrack()
    {
        var ranking = new PlaylistRanking([Entry("a", 3), Entry("b", 2), Entry("c", 1)], []);

        Assert.True(ranking.UpdatePopularity("c", 10));
        Assert.True(ranking.UpdatePopularity("a", 0));

        Assert.Equal(["c", "b", "a"], Order(ranking));
        Assert.Equal(3, ranking.Count);
    }

    [Fact]
    public void UpdatePopularity_UnknownOrUnchanged_ReportsNoChange()
    {
        var ranking = new PlaylistRanking([Entry("a", 3)], []);

        Assert.False(ranking.UpdatePopularity("missing", 5));
        Assert.False(ranking.UpdatePopularity("a", 3));
    }

    [Fact]
    public void MarkArtistVerified_BadgesExistingAndLaterEntries()
    {
        var ranking = new PlaylistRanking([Entry("a", artist: "x"), Entry("b", artist: "y")], []);

        Assert.True(ranking.MarkArtistVerified("x"));
        ranking.Add(Entry("c", artist: "x"));

        Assert.Equal(["a", "c"], ranking.Top(10).Where(e => e.ArtistVerified).Select(e => e.TrackId));
        Assert.False(ranking.MarkArtistVerified("x"));
    }

    [Fact]
    public void Top_Limit_TakesThatMany() =>
        Assert.Equal(2, new PlaylistRanking(Enumerable.Range(0, 5).Select(i => Entry($"t{i}", i)), []).Top(2).Count);

    [Fact]
    public void ManyUpdates_KeepEveryTrackOnceInOrder()
    {
        var random = new Random(7);
        var ranking = new PlaylistRanking(Enumerable.Range(0, 200).Select(i => Entry($"t{i:000}", 0, i % 17)), []);
        var popularity = new Dictionary<string, long>();
        for (var i = 0; i < 5_000; i++)
        {
            var track = $"t{random.Next(200):000}";
            var value = random.Next(1_000);
            ranking.UpdatePopularity(track, value);
            popularity[track] = value;
        }

        var top = ranking.Top(1_000);
        Assert.Equal(200, top.Count);
        Assert.Equal(200, top.Select(e => e.TrackId).Distinct().Count());
        Assert.Equal(top.OrderBy(e => e, PlaylistRanking.RankComparer.Instance).Select(e => e.TrackId), top.Select(e => e.TrackId));
        Assert.All(popularity, p => Assert.Equal(p.Value, top.Single(e => e.TrackId == p.Key).Popularity));
    }
}
