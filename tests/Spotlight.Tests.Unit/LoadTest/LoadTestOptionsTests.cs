using Spotlight.LoadTest;

namespace Spotlight.Tests.Unit.LoadTest;

public class LoadTestOptionsTests
{
    [Fact]
    public void Parse_Soak_ReadsItsSettings()
    {
        var options = LoadTestOptions.Parse(["--mode", "soak", "--duration", "1800", "--warmup", "300", "--rate", "5000", "--reads", "50", "--reviews", "2.5", "--sample", "10", "--collect", "30", "--max-growth", "10"]);

        Assert.Equal(new LoadTestOptions { Mode = "soak", DurationSeconds = 1800, WarmupSeconds = 300, EventsPerSecond = 5000, ReadsPerSecond = 50, ReviewsPerSecond = 2.5, SampleSeconds = 10, CollectSeconds = 30, MaxGrowthPercent = 10 }, options);
    }

    [Fact]
    public void Parse_Soak_ReadsWhereToSamplePostgresMode()
    {
        var options = LoadTestOptions.Parse(["--postgres", "Host=127.0.0.1;Database=spotlight", "--silo-metrics", "http://127.0.0.1:8081/metrics"]);

        Assert.Equal("Host=127.0.0.1;Database=spotlight", options.Postgres);
        Assert.Equal(new Uri("http://127.0.0.1:8081/metrics"), options.SiloMetrics);
    }

    [Theory]
    [InlineData("--mode", "flood")]
    [InlineData("--target", "http://10.0.0.1:5000")]
    [InlineData("--silo-metrics", "http://10.0.0.1:8081/metrics")]
    public void Parse_RefusesUnknownModesAndNonLoopbackTargets(string name, string value) =>
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse([name, value]));

    [Fact]
    public void Parse_Soak_NeedsTimeAfterWarmupForFourSamples() =>
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--mode", "soak", "--duration", "60", "--warmup", "30", "--sample", "10", "--collect", "5"]));

    [Fact]
    public void Parse_Soak_NeedsTimeAfterWarmupForFourCollections() =>
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--mode", "soak", "--duration", "500", "--warmup", "300", "--sample", "10", "--collect", "60"]));

    [Fact]
    public void Parse_ReadsTheAlertTitlesAndRules_AtMostTwentyRulesATitle()
    {
        var options = LoadTestOptions.Parse(["--alert-titles", "5", "--alert-rules", "100"]);

        Assert.Equal((5, 100), (options.AlertTitles, options.AlertRules));
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--alert-titles", "4", "--alert-rules", "100"]));
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--alert-rules", "1"]));
    }
}
