using Spotlight.Domain;

namespace Spotlight.Tests.Unit.Domain;

public class DayRangeTests
{
    private static readonly DateOnly Today = new(2027, 3, 31);

    [Theory]
    [InlineData(null, null, "2027-03-02", "2027-03-31")]
    [InlineData("2027-03-30", null, "2027-03-30", "2027-03-31")]
    [InlineData(null, "2027-02-28", "2027-01-30", "2027-02-28")]
    [InlineData("2027-03-31", "2027-03-31", "2027-03-31", "2027-03-31")]
    [InlineData("2027-01-01", "2027-03-31", "2027-01-01", "2027-03-31")]
    public void Parse_TakesTheDaysAskedFor_OrTheLast30(string? from, string? to, string first, string last)
    {
        var (range, errors) = DayRange.Parse(from, to, Today);

        Assert.Empty(errors);
        Assert.Equal((DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)), (range!.From, range.To));
    }

    [Theory]
    [InlineData("2027-3-1", null, "from")]
    [InlineData(null, "yesterday", "to")]
    [InlineData(null, "2027-04-01", "to")]
    [InlineData("2027-03-02", "2027-03-01", "from")]
    [InlineData("2026-12-31", "2027-03-31", "from")]
    public void Parse_NamesTheFieldThatIsWrong(string? from, string? to, string field) =>
        Assert.Equal([field], DayRange.Parse(from, to, Today).Errors.Select(e => e.Field));

    [Fact]
    public void Days_CountsBothEnds() =>
        Assert.Equal(90, new DayRange(new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31)).Days);
}
