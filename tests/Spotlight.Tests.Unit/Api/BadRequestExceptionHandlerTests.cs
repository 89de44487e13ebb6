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

public class BindingMessageTests
{
    [Theory]
    [InlineData("Failed to bind parameter \"Nullable<int> limit\" from \"abc\".", "limit")]
    [InlineData("Failed to bind parameter \"int top\" from \"x\".", "top")]
    [InlineData("Required parameter \"string region\" was not provided from query string.", "region")]
    [InlineData("Implicit body inferred for parameter \"request\" but no body was provided.", "body")]
    public void FieldFromBindingMessage_NamesTheParameter(string message, string field) =>
        Assert.Equal(field, BadRequestExceptionHandler.FieldFromBindingMessage(message));
}
