using Spotlight.GrainInterfaces.Titles;
using Spotlight.Domain;

namespace Spotlight.Tests.Unit.Domain;

public class TitleRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static CreateTitleCommand Valid() => new(
        "Dune: Part Two", "movie", "studio-1",
        [new CastMember("Zendaya", "Chani")],
        [new SocialLink("instagram", "https://instagram.example/dune")],
        [new WatchOptionPlan("Cinema One", "tickets", "https://tickets.example/dune", ["KR", "JP"]), new WatchOptionPlan("StreamCo", "stream", "https://stream.example/dune", ["US"])],
        ["#Dune", "dune"], ["Sand  Worm", "ARRAKIS"], ["Desert"], null, null, "user-1");

    [Fact]
    public void Valid_IsNormalised_WithDefaults()
    {
        var (title, errors) = TitleRules.Validate("dune-2", Valid(), Now);

        Assert.Empty(errors);
        Assert.Equal(["dune"], title!.Hashtags);
        Assert.Equal(["sand worm", "arrakis"], title.Keywords);
        Assert.Equal(["desert"], title.VisualTags);
        Assert.Equal((1_000, 10_000), (title.MinFollowers, title.MinViews));
        Assert.Equal(["Cinema One"], TitleRules.WhereToWatchIn(title, "KR").Select(w => w.Provider));
        Assert.Equal(2, TitleRules.WhereToWatchIn(title, null).Count);
    }

    [Fact]
    public void Invalid_NamesEveryField()
    {
        var command = Valid() with
        {
            Name = "",
            Kind = "series",
            StudioId = "bad id",
            Cast = [new CastMember("", "Chani"), null],
            WhereToWatch = [new WatchOptionPlan("P", "lease", "http://insecure.example", ["kr"])],
            Hashtags = ["two words"],
            Keywords = ["!!!"],
            MinViews = -1,
        };

        var (_, errors) = TitleRules.Validate("t", command, Now);

        Assert.Equal(
            ["name", "kind", "studioId", "cast[0].name", "cast[1]", "whereToWatch[0].kind", "whereToWatch[0].regions[0]", "whereToWatch[0].url", "hashtags[0]", "keywords[0]", "minViews"],
            errors.Select(e => e.Field));
    }
}
