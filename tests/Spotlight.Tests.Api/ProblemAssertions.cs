using System.Net;
using System.Text.Json;

namespace Spotlight.Tests.Api;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 7807 body with this status, and returns the parsed document.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        // Every problem carries the stable code the pages translate.
        Assert.True(problem.TryGetProperty("code", out var code) && code.GetString() is { Length: > 0 }, $"No code in {body}");
        return problem;
    }

    /// <summary>Asserts a 400 validation problem whose errors name exactly these fields.</summary>
    public static async Task AssertFieldErrorsAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("invalid-fields", problem.GetProperty("code").GetString());
        var named = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(fields.Order(StringComparer.Ordinal), named);
    }
}
