using System.Net;

namespace Spotlight.Tests.Api;

/// <summary>Every refusal carries a stable <c>code</c> (the pages show its sentence in the reader's language),
/// whichever part of the pipeline answers: a route's own check, authentication, authorization, routing.</summary>
public class ProblemCodeApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly ApiScenario _api = new(factory);

    [Fact]
    public async Task EachKindOfRefusal_HasItsCode()
    {
        await AssertCodeAsync(await _api.Anonymous.GetAsync("/api/titles?limit=0"), HttpStatusCode.BadRequest, "invalid-fields");
        await AssertCodeAsync(await _api.Anonymous.GetAsync("/api/reviews/tracks"), HttpStatusCode.Unauthorized, "sign-in-required");
        await AssertCodeAsync(await _api.Ingest.GetAsync("/api/reviews/tracks"), HttpStatusCode.Forbidden, "not-allowed");
        await AssertCodeAsync(await _api.Anonymous.GetAsync("/api/artists/no-such-artist"), HttpStatusCode.NotFound, "not-found");
        var seasonId = SeasonScenario.NewId();
        await new SeasonScenario(factory).CreateAsync(SeasonScenario.TwoRounds(seasonId));
        await AssertCodeAsync(await _api.Admin.PostAsync($"/api/seasons/{seasonId}/rounds/2/close", null), HttpStatusCode.Conflict, "conflict");
    }

    private static async Task AssertCodeAsync(HttpResponseMessage response, HttpStatusCode status, string code) =>
        Assert.Equal(code, (await ProblemAssertions.AssertProblemAsync(response, status)).GetProperty("code").GetString());
}
