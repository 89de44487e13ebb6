using Spotlight.Domain;

namespace Spotlight.Tests.Unit.Domain;

public class IsoRegionCodesTests
{
    [Fact]
    public void Count_IsTheAssignedAlpha2Set() => Assert.Equal(249, IsoRegionCodes.Count);

    [Theory]
    [InlineData("JP")]
    [InlineData("KR")]
    [InlineData("US")]
    [InlineData("GB")]
    [InlineData("SS")]
    public void IsAssigned_KnownCode_True(string code) => Assert.True(IsoRegionCodes.IsAssigned(code));

    [Theory]
    [InlineData("jp")]
    [InlineData("JPN")]
    [InlineData("UK")]
    [InlineData("EU")]
    [InlineData("")]
    [InlineData(null)]
    public void IsAssigned_NotACode_False(string? code) => Assert.False(IsoRegionCodes.IsAssigned(code));
}
