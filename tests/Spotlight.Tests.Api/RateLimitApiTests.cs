using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Spotlight.ClientApi.Auth;

namespace Spotlight.Tests.Api;

/// <summary>The system with small rate limits, to see them act.</summary>
public sealed class TightRateLimitFactory() : SpotlightApiFactory("Development")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Spotlight:RateLimits:PerSecond", "1");
        builder.UseSetting("Spotlight:RateLimits:Burst", "5");
        builder.UseSetting("Spotlight:RateLimits:IngestPerSecond", "1");
        builder.UseSetting("Spotlight:RateLimits:IngestBurst", "20");
    }
}

public class RateLimitApiTests(TightRateLimitFactory factory) : IClassFixture<TightRateLimitFactory>
{
    [Fact]
    public async Task ChangesBeyondACallersBurst_Get429WithRetryAfter_ChangeNothing_AndLeaveOtherCallersAndReadsAlone()
    {
        var artist = factory.ClientFor("artist-limited", Roles.Artist);
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add(await artist.PostAsJsonAsync("/api/artists", new { displayName = $"Burst {i}", region = "JP" }));
        }

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(3, refused.Count);
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After is missing"));
        await ProblemAssertions.AssertProblemAsync(refused[0], HttpStatusCode.TooManyRequests);

        // Another caller has its own bucket, and reads are not limited.
        var other = factory.ClientFor("artist-other", Roles.Artist);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/artists", new { displayName = "Other", region = "KR" })).StatusCode);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/playlists/featured?region=JP")).StatusCode);
        }
    }

    [Fact]
    public async Task TheIngestAccount_HasItsOwnLargerBucket()
    {
        var ingest = factory.ClientFor("ingest-limited", Roles.Ingest);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 24; i++)
        {
            answers.Add((await ingest.PostAsJsonAsync("/api/engagement", new { batchId = Guid.NewGuid().ToString("N"), events = Array.Empty<object>() })).StatusCode);
        }

        Assert.Equal(20, answers.Count(a => a == HttpStatusCode.Accepted));
        Assert.Equal(4, answers.Count(a => a == HttpStatusCode.TooManyRequests));
    }
}
