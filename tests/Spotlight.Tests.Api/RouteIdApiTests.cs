using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Spotlight.ClientApi.Auth;

namespace Spotlight.Tests.Api;

/// <summary>Every API route with an <c>{id}</c> refuses a malformed one with a 400 naming <c>id</c> (the
/// route group's filter), for a caller its policy admits, whatever else the request carries.</summary>
public class RouteIdApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    [Fact]
    public async Task EveryRouteWithAnId_RefusesAMalformedOne_NamingId()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && e.RoutePattern.Parameters.Any(p => p.Name == "id"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (Method: method, Pattern: e.RoutePattern.RawText!)))
            .ToList();
        Assert.True(routes.Count >= 20, $"only {routes.Count} routes with an id found");
        // Every role, and a studio claim, so that no policy refuses before the id is looked at.
        var everyone = factory.ClientWith("every-role", [.. Roles.All], studioId: "studio-every");

        foreach (var (method, pattern) in routes)
        {
            var path = pattern.TrimEnd('/').Replace("{id}", "bad%20id", StringComparison.Ordinal).Replace("{n}", "1", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await everyone.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {pattern}: {(int)response.StatusCode}");
            await ProblemAssertions.AssertFieldErrorsAsync(response, "id");
        }
    }
}
