using Spotlight.Domain.Ranking;

namespace Spotlight.Tests.Unit.Domain.Ranking;

public class RankedSetTests
{
    [Fact]
    public void RandomAddsAndRemoves_MatchASortedList()
    {
        var random = new Random(5);
        var set = new RankedSet<int>(Comparer<int>.Default);
        var expected = new SortedSet<int>();
        for (var step = 0; step < 5_000; step++)
        {
            var value = random.Next(1_000);
            if (random.Next(3) == 0)
            {
                Assert.Equal(expected.Remove(value), set.Remove(value));
            }
            else
            {
                Assert.Equal(expected.Add(value), set.Add(value));
            }
        }

        var sorted = expected.ToList();
        Assert.Equal(sorted.Count, set.Count);
        Assert.Equal(sorted, set.From(0));
        for (var i = 0; i < sorted.Count; i += 37)
        {
            Assert.Equal(sorted[i], set.ElementAt(i));
            Assert.Equal(sorted.Skip(i), set.From(i));
            Assert.True(set.Contains(sorted[i]));
        }

        Assert.Empty(set.From(sorted.Count));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.ElementAt(sorted.Count));
    }

    [Fact]
    public void CountWhile_CountsThePrefixThatHolds()
    {
        var set = new RankedSet<int>(Comparer<int>.Default);
        foreach (var value in new[] { 50, 10, 40, 20, 30 })
        {
            set.Add(value);
        }

        Assert.Equal(0, set.CountWhile(v => v < 10));
        Assert.Equal(2, set.CountWhile(v => v < 25));
        Assert.Equal(3, set.CountWhile(v => v <= 30));
        Assert.Equal(5, set.CountWhile(_ => true));
        Assert.Equal(10, set.First);
    }

    [Fact]
    public void EmptySet_HasNoFirstAndNothingToEnumerate()
    {
        var set = new RankedSet<string>(StringComparer.Ordinal);

        Assert.Equal(0, set.Count);
        Assert.Empty(set.From(0));
        Assert.False(set.Remove("a"));
        Assert.Throws<InvalidOperationException>(() => set.First);
    }
}
