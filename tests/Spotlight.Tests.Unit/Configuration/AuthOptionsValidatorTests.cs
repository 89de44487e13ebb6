using Spotlight.ClientApi.Auth;

namespace Spotlight.Tests.Unit.Configuration;

public class AuthOptionsValidatorTests
{
    private readonly AuthOptionsValidator _validator = new();

    [Fact]
    public void Validate_MissingKey_NamesTheSetting()
    {
        var result = _validator.Validate(null, new AuthOptions { SigningKey = null });

        Assert.True(result.Failed);
        Assert.Contains("Spotlight:Auth:SigningKey", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShortKey_Fails()
    {
        var result = _validator.Validate(null, new AuthOptions { SigningKey = new string('k', 31) });

        Assert.True(result.Failed);
        Assert.Contains("32 bytes", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LongEnoughKey_Succeeds()
    {
        var result = _validator.Validate(null, new AuthOptions { SigningKey = new string('k', 32) });

        Assert.True(result.Succeeded);
    }
}
