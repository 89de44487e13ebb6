using Spotlight.Domain;

namespace Spotlight.Tests.Unit.Domain;

public class TrendingWindowTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sum_CountsTheCurrentHourAndTheDayBefore_AndNothingOlder()
    {
        var hours = new Dictionary<long, long>();
        TrendingWindow.Add(hours, Noon.AddMinutes(-30), 5);
        TrendingWindow.Add(hours, Noon.AddHours(-10), 7);
        TrendingWindow.Add(hours, Noon.AddMinutes(15), 1);

        Assert.Equal(13, TrendingWindow.Sum(hours, Noon.AddMinutes(20)));
        // At 03:30 the next day the 02:00 hour has left; the 11:00 hour leaves at 12:00.
        Assert.Equal(13, TrendingWindow.Sum(hours, Noon.AddHours(14).AddMinutes(30)));
        Assert.Equal(6, TrendingWindow.Sum(hours, Noon.AddHours(15).AddMinutes(30)));
        Assert.Equal(1, TrendingWindow.Sum(hours, Noon.AddHours(24).AddMinutes(5)));
        Assert.Equal(0, TrendingWindow.Sum(hours, Noon.AddHours(25).AddMinutes(5)));
    }

    [Fact]
    public void Add_ForgetsHoursThatLeftTheWindow_SoAHubKeepsAtMostADay()
    {
        var hours = new Dictionary<long, long>();
        for (var h = 0; h < 100; h++)
        {
            TrendingWindow.Add(hours, Noon.AddHours(h), 1);
        }

        Assert.Equal(TrendingWindow.Hours + 1, hours.Count);
        Assert.Equal(TrendingWindow.Hours + 1, TrendingWindow.Sum(hours, Noon.AddHours(99)));
    }

    [Fact]
    public void Add_IgnoresNothingGained()
    {
        var hours = new Dictionary<long, long>();
        TrendingWindow.Add(hours, Noon, 0);
        TrendingWindow.Add(hours, Noon, -4);

        Assert.Empty(hours);
    }
}
