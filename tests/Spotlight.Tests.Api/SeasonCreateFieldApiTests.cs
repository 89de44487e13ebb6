using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spotlight.Tests.Api;

/// <summary>
/// Every field of <c>POST /api/seasons</c> a caller can get wrong, one mistake at a time on an otherwise
/// valid season: the 400 names exactly that field, a field the caller can find in what they sent (or a
/// required one they left out), and nothing is created.
/// </summary>
public sealed class SeasonCreateFieldApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly ApiScenario _api = new(factory);

    /// <summary>Each mistake by name: the field the 400 must name, and how it spoils the valid season.</summary>
    private static readonly Dictionary<string, (string Field, Action<JsonObject> Make)> Mistakes = new()
    {
        ["no id"] = ("id", s => s.Remove("id")),
        ["an id with a space"] = ("id", s => s["id"] = "two words"),
        ["no name"] = ("name", s => s.Remove("name")),
        ["a name too long"] = ("name", s => s["name"] = new string('n', 201)),
        ["no regions"] = ("regions", s => s.Remove("regions")),
        ["a region in lower case"] = ("regions[1]", s => s["regions"] = new JsonArray("JP", "kr")),
        ["a blank partner"] = ("partners[0]", s => s["partners"] = new JsonArray(" ")),
        ["too many partners"] = ("partners", s => s["partners"] = new JsonArray([.. Enumerable.Range(0, 101).Select(i => JsonValue.Create($"p{i}"))])),
        ["no rounds"] = ("rounds", s => s.Remove("rounds")),
        ["too many rounds"] = ("rounds", s => s["rounds"] = new JsonArray([.. Enumerable.Range(0, 11).Select(i => Round(i * 60, i * 60 + 60))])),
        ["a null round"] = ("rounds[0]", s => Rounds(s)[0] = null),
        ["a round name too long"] = ("rounds[0].name", s => Rounds(s)[0]!["name"] = new string('r', 201)),
        ["no opensAt"] = ("rounds[0].opensAt", s => Rounds(s)[0]!.AsObject().Remove("opensAt")),
        ["opensAt with seconds"] = ("rounds[0].opensAt", s => Rounds(s)[0]!["opensAt"] = Minute(5).AddSeconds(30)),
        ["no closesAt"] = ("rounds[0].closesAt", s => Rounds(s)[0]!.AsObject().Remove("closesAt")),
        ["closesAt before opensAt"] = ("rounds[0].closesAt", s => Rounds(s)[0]!["closesAt"] = Minute(4)),
        ["closesAt in the past"] = ("rounds[0].closesAt", s => (Rounds(s)[0]!["opensAt"], Rounds(s)[0]!["closesAt"]) = (Minute(-120), Minute(-60))),
        ["rounds that overlap"] = ("rounds[1].opensAt", s => Rounds(s)[1]!["opensAt"] = Minute(30)),
        ["a round advancing none"] = ("rounds[0].advance", s => Rounds(s)[0]!["advance"] = 0),
        ["a round letting as many on as the one before"] = ("rounds[1].advance", s => s["rounds"] = new JsonArray(Round(5, 65, advance: 20), Round(65, 125, advance: 20), Round(125, 185))),
        ["a popularity weight above 1 alone"] = ("rounds[0].popularityWeight", s => Rounds(s)[0]!["popularityWeight"] = 1.5),
        ["a judge weight below 0 alone"] = ("rounds[0].judgeWeight", s => Rounds(s)[0]!["judgeWeight"] = -0.2),
        ["weights that do not sum to 1"] = ("rounds[0].judgeWeight", s => (Rounds(s)[0]!["popularityWeight"], Rounds(s)[0]!["judgeWeight"]) = (0.7, 0.7)),
        ["too many winners"] = ("winners", s => s["winners"] = 12),
        ["a final advancing too few, winners not sent"] = ("rounds[1].advance", s => Rounds(s)[1]!["advance"] = 4),
        ["a final advancing other than winners"] = ("rounds[1].advance", s => (s["winners"], Rounds(s)[1]!["advance"]) = (8, 9)),
        ["too many prizes"] = ("prizes", s => s["prizes"] = new JsonArray([.. Enumerable.Range(1, 11).Select(i => Prize(1, 1))])),
        ["a null prize"] = ("prizes[0]", s => s["prizes"] = new JsonArray((JsonNode?)null)),
        ["a prize from rank 0"] = ("prizes[0].fromRank", s => s["prizes"] = new JsonArray(Prize(0, 1))),
        ["a prize to a rank before its from"] = ("prizes[0].toRank", s => s["prizes"] = new JsonArray(Prize(3, 2))),
        ["prizes that overlap"] = ("prizes[1].fromRank", s => s["prizes"] = new JsonArray(Prize(1, 3), Prize(3, 5))),
        ["a prize without a description"] = ("prizes[0].description", s => s["prizes"] = new JsonArray(Prize(1, 1, description: " "))),
    };

    public static TheoryData<string> Cases => [.. Mistakes.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OneMistake_Is400NamingThatField_AndCreatesNothing(string mistake)
    {
        var id = SeasonScenario.NewId();
        var season = Valid(id);
        var (field, make) = Mistakes[mistake];
        make(season);

        var response = await _api.Admin.PostAsync("/api/seasons", JsonContent.Create(season));

        await ProblemAssertions.AssertFieldErrorsAsync(response, field);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Admin.GetAsync($"/api/seasons/{id}")).StatusCode);
    }

    [Fact]
    public async Task TheValidSeasonTheMistakesStartFrom_IsCreated()
    {
        var id = SeasonScenario.NewId();

        var response = await _api.Admin.PostAsync("/api/seasons", JsonContent.Create(Valid(id)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static JsonObject Valid(string id) => new()
    {
        ["id"] = id,
        ["name"] = "Fields " + id,
        ["regions"] = new JsonArray("JP"),
        ["partners"] = new JsonArray("partner-1"),
        ["rounds"] = new JsonArray(Round(5, 65, advance: 20), Round(65, 125)),
        ["prizes"] = new JsonArray(Prize(1, 1)),
    };

    private static JsonArray Rounds(JsonObject season) => season["rounds"]!.AsArray();

    private static DateTimeOffset Minute(int fromNow) => SeasonScenario.ThisMinute.AddMinutes(fromNow);

    private static JsonObject Round(int opens, int closes, int? advance = null)
    {
        var round = new JsonObject { ["opensAt"] = Minute(opens), ["closesAt"] = Minute(closes) };
        if (advance is { } a)
        {
            round["advance"] = a;
        }

        return round;
    }

    private static JsonObject Prize(int from, int to, string description = "A recording session") =>
        new() { ["fromRank"] = from, ["toRank"] = to, ["description"] = description };
}
