using Spotlight.ClientApi.Errors;

namespace Spotlight.Tests.Unit.Api;

public class BadRequestExceptionHandlerTests
{
    [Theory]
    [InlineData(null, "body")]
    [InlineData("", "body")]
    [InlineData("$", "body")]
    [InlineData("$.displayName", "displayName")]
    [InlineData("$.links[2]", "links[2]")]
    [InlineData("$.rounds[0].opensAt", "rounds[0].opensAt")]
    public void FieldFromJsonPath_MapsToApiFieldName(string? path, string field) =>
        Assert.Equal(field, BadRequestExceptionHandler.FieldFromJsonPath(path));
}
