using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Unit.Configuration;

public class AuthOptionsValidatorTests
{
    private readonly AuthOptionsValidator _validator = For(Environments.Production);

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

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Validate_PublishedDevelopmentKey_OutsideDevelopment_Fails(string environment)
    {
        var result = For(environment).Validate(null, new AuthOptions { SigningKey = AuthOptions.PublishedDevelopmentKey });

        Assert.True(result.Failed);
        Assert.Contains("published in the repository", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PublishedDevelopmentKey_InDevelopment_Succeeds() =>
        Assert.True(For(Environments.Development).Validate(null, new AuthOptions { SigningKey = AuthOptions.PublishedDevelopmentKey }).Succeeded);

    [Fact]
    public void PublishedDevelopmentKey_IsTheOneInTheDevelopmentSettings()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "client-api", "appsettings.Development.json")));

        Assert.Equal(AuthOptions.PublishedDevelopmentKey, settings.RootElement.GetProperty("Spotlight").GetProperty("Auth").GetProperty("SigningKey").GetString());
    }

    private static AuthOptionsValidator For(string environment) => new(new HostingEnvironment { EnvironmentName = environment });
}
