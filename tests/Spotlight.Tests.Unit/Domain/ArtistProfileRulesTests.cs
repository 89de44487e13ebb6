using Spotlight.GrainInterfaces.Artists;
using Spotlight.Domain;

namespace Spotlight.Tests.Unit.Domain;

public class ArtistProfileRulesTests
{
    private static CreateArtistCommand Valid() => new("user-1", "Aiko", "JP", "Songwriter from Osaka.", ["https://example.com/aiko"]);

    [Fact]
    public void Validate_ValidCommand_NoErrors() => Assert.Empty(ArtistProfileRules.Validate(Valid()));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_BlankDisplayName_NamesDisplayName(string name)
    {
        var errors = ArtistProfileRules.Validate(Valid() with { DisplayName = name });

        Assert.Equal("displayName", Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_TooLongDisplayName_NamesDisplayName()
    {
        var errors = ArtistProfileRules.Validate(Valid() with { DisplayName = new string('a', ArtistProfileRules.MaxDisplayNameLength + 1) });

        Assert.Equal("displayName", Assert.Single(errors).Field);
    }

    [Theory]
    [InlineData("jp")]
    [InlineData("Japan")]
    [InlineData("XX")]
    public void Validate_BadRegion_NamesRegion(string region)
    {
        var errors = ArtistProfileRules.Validate(Valid() with { Region = region });

        Assert.Equal("region", Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_TooLongBio_NamesBio()
    {
        var errors = ArtistProfileRules.Validate(Valid() with { Bio = new string('b', ArtistProfileRules.MaxBioLength + 1) });

        Assert.Equal("bio", Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_NonHttpsLink_NamesItsIndex()
    {
        var errors = ArtistProfileRules.Validate(Valid() with { Links = ["https://ok.example", "http://plain.example", "not a url"] });

        Assert.Equal(["links[1]", "links[2]"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Validate_TooManyLinks_NamesLinks()
    {
        var links = Enumerable.Range(0, ArtistProfileRules.MaxLinks + 1).Select(i => $"https://example.com/{i}").ToList();

        var errors = ArtistProfileRules.Validate(Valid() with { Links = links });

        Assert.Equal("links", Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_HugeListOfBadLinks_IsOneError()
    {
        var errors = ArtistProfileRules.Validate(Valid() with { Links = Enumerable.Repeat("", 100_000).ToList() });

        Assert.Equal("links", Assert.Single(errors).Field);
    }

    [Fact]
    public void ToProfile_TrimsAndStartsUnverified()
    {
        var now = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

        var profile = ArtistProfileRules.ToProfile("a1", Valid() with { DisplayName = "  Aiko  ", Bio = "   " }, now);

        Assert.Equal("Aiko", profile.DisplayName);
        Assert.Null(profile.Bio);
        Assert.False(profile.Verified);
        Assert.Empty(profile.TrackIds);
        Assert.Equal("user-1", profile.OwnerId);
        Assert.Equal(now, profile.CreatedAt);
    }
}
