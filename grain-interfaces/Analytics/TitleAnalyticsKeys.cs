using System.Globalization;

namespace Spotlight.GrainInterfaces.Analytics;

/// <summary>Keys of a title's day grains. Days are counted from the Unix epoch in UTC.</summary>
public static class TitleAnalyticsKeys
{
    public const long MinutesPerDay = 24 * 60;

    public static long DayOf(long minute) => minute >= 0 ? minute / MinutesPerDay : ((minute + 1) / MinutesPerDay) - 1;

    public static string Day(string titleId, long day) => $"{titleId}/{day.ToString(CultureInfo.InvariantCulture)}";

    public static (string TitleId, long Day) Parse(string key)
    {
        var slash = key.LastIndexOf('/');
        return (key[..slash], long.Parse(key[(slash + 1)..], CultureInfo.InvariantCulture));
    }
}
