using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

/// <summary>The whole system in embedded mode (API + co-hosted silo) on free ports, in one environment.</summary>
public class SpotlightApiFactory(string environment) : WebApplicationFactory<Program>
{
    public const string SigningKey = "api-tests-signing-key-0123456789abcdef";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var ports = FreePorts.Take(2);
        builder.UseEnvironment(environment);
        builder.UseSetting("Spotlight:Mode", "embedded");
        builder.UseSetting("Spotlight:Cluster:SiloPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Spotlight:Cluster:GatewayPort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Spotlight:Auth:SigningKey", SigningKey);
        // TestServer cannot limit body sizes and says so on every request; Kestrel's limits are tested in
        // ApiProcessTests, and the warning would flood the test output.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware", "Error");
        // Tests post far faster than any one person; RateLimitApiTests checks the limits with small ones.
        foreach (var limit in new[] { "PerSecond", "Burst", "AnonymousPerSecond", "AnonymousBurst", "IngestPerSecond", "IngestBurst" })
        {
            builder.UseSetting($"Spotlight:RateLimits:{limit}", "1000000");
        }
    }

    /// <summary>A client whose requests carry a token for <paramref name="subject"/> with these roles.</summary>
    public HttpClient ClientFor(string subject, params string[] roles) => ClientWith(subject, roles, studioId: null);

    /// <summary>A client for a user of the studio <paramref name="studioId"/>.</summary>
    public HttpClient StudioClient(string studioId) => ClientWith("studio-user-" + studioId, [Roles.Studio], studioId);

    /// <summary>A client whose token carries these roles and, when given, a studio claim.</summary>
    public HttpClient ClientWith(string subject, string[] roles, string? studioId)
    {
        var token = Services.GetRequiredService<TokenIssuer>().Issue(subject, roles, studioId, artistId: null);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public sealed class DevelopmentApiFactory() : SpotlightApiFactory("Development");

public sealed class ProductionApiFactory() : SpotlightApiFactory("Production");
