using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Spotlight.Silo.Configuration;

namespace Spotlight.Tests.Unit.Configuration;

public class SpotlightOptionsValidatorTests
{
    private static SpotlightOptions Load(params (string Key, string? Value)[] settings) =>
        SpotlightOptionsValidator.LoadValidated(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void Load_NoSettings_DefaultsToEmbedded()
    {
        var options = Load();

        Assert.Equal(SpotlightMode.Embedded, options.Mode);
        Assert.Equal(11111, options.Cluster.SiloPort);
        Assert.Equal(30000, options.Cluster.GatewayPort);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData(" postgres ")]
    public void Load_ModeInAnyCase_IsAccepted(string mode)
    {
        var options = Load(("Spotlight:Mode", mode), ("Spotlight:Postgres:ConnectionString", "Host=localhost;Database=x"));

        Assert.Equal(SpotlightMode.Postgres, options.Mode);
    }

    [Fact]
    public void Load_UnknownMode_FailsNamingTheSetting()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Load(("Spotlight:Mode", "cassandra")));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("Spotlight:Mode", failure, StringComparison.Ordinal);
        Assert.Contains("cassandra", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("7")]
    public void Load_ANumberForTheMode_FailsNamingTheSetting(string number)
    {
        // The configuration binder alone would take "1" for postgres and 7 for no mode at all.
        var ex = Assert.Throws<OptionsValidationException>(() => Load(("Spotlight:Mode", number)));

        Assert.Contains("Spotlight:Mode", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TheModeInAnyCase_BindsTheEnum()
    {
        Assert.Equal(SpotlightMode.Postgres, Load(("Spotlight:Mode", " Postgres "), ("Spotlight:Postgres:ConnectionString", "Host=localhost")).Mode);
    }

    [Fact]
    public void Load_PostgresWithoutConnectionString_FailsNamingTheSetting()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Load(("Spotlight:Mode", "postgres")));

        Assert.Contains(ex.Failures, f => f.Contains("Spotlight:Postgres:ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MalformedConnectionString_FailsNamingTheSetting()
    {
        var ex = Assert.Throws<OptionsValidationException>(() =>
            Load(("Spotlight:Mode", "postgres"), ("Spotlight:Postgres:ConnectionString", "Nonsense=1")));

        Assert.Contains(ex.Failures, f => f.Contains("Spotlight:Postgres:ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BadPortsAndAddress_ReportsEachSetting()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Load(
            ("Spotlight:Cluster:SiloPort", "0"),
            ("Spotlight:Cluster:GatewayPort", "70000"),
            ("Spotlight:Cluster:AdvertisedAddress", "not-an-ip"),
            ("Spotlight:Cluster:ClusterId", "")));

        Assert.Contains(ex.Failures, f => f.StartsWith("Spotlight:Cluster:SiloPort", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Spotlight:Cluster:GatewayPort", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Spotlight:Cluster:AdvertisedAddress", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Spotlight:Cluster:ClusterId", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SameSiloAndGatewayPort_Fails()
    {
        var ex = Assert.Throws<OptionsValidationException>(() =>
            Load(("Spotlight:Cluster:SiloPort", "5000"), ("Spotlight:Cluster:GatewayPort", "5000")));

        Assert.Contains(ex.Failures, f => f.Contains("must differ", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_EngagementSettings_AreBound()
    {
        var options = Load(("Spotlight:Engagement:Partitions", "4"), ("Spotlight:Engagement:LogRetention", "00:10:00"), ("Spotlight:Engagement:DedupeWindow", "2.00:00:00"));

        Assert.Equal(4, options.Engagement.Partitions);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Engagement.LogRetention);
        Assert.Equal(TimeSpan.FromDays(2), options.Engagement.DedupeWindow);
        Assert.Null(options.Engagement.PollInterval);
    }

    [Fact]
    public void Load_BadEngagementSettings_ReportsEachSetting()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Load(
            ("Spotlight:Engagement:Partitions", "0"),
            ("Spotlight:Engagement:LogRetention", "00:00:10"),
            ("Spotlight:Engagement:DedupeWindow", "00:00:00"),
            ("Spotlight:Engagement:PollInterval", "00:01:00"),
            ("Spotlight:Engagement:EntriesPerDelivery", "0"),
            ("Spotlight:Engagement:TopListCapacity", "5")));

        foreach (var setting in new[] { "Partitions", "LogRetention", "DedupeWindow", "PollInterval", "EntriesPerDelivery", "TopListCapacity" })
        {
            Assert.Contains(ex.Failures, f => f.Contains("Spotlight:Engagement:" + setting, StringComparison.Ordinal));
        }
    }
}
