using Spotlight.GrainInterfaces.Artists;

namespace Spotlight.Tests.Cluster.Embedded;

public class ArtistGrainTests(EmbeddedClusterFixture fixture) : IClassFixture<EmbeddedClusterFixture>
{
    private static CreateArtistCommand Command(string name = "Aiko") => new("owner-1", name, "JP", null, []);

    [Fact]
    public async Task Create_ThenGet_ReturnsStoredProfile()
    {
        var grain = fixture.Client.GetGrain<IArtistGrain>(Guid.NewGuid().ToString("N"));

        var result = await grain.CreateAsync(Command());

        Assert.Equal(ArtistCreateOutcome.Created, result.Outcome);
        var profile = await grain.GetAsync();
        ArtistAssertions.Same(result.Value, profile);
        Assert.Equal(grain.GetPrimaryKeyString(), profile!.Id);
    }

    [Fact]
    public async Task Create_Twice_KeepsTheFirstProfile()
    {
        var grain = fixture.Client.GetGrain<IArtistGrain>(Guid.NewGuid().ToString("N"));
        await grain.CreateAsync(Command("First"));

        var second = await grain.CreateAsync(Command("Second"));

        Assert.Equal(ArtistCreateOutcome.AlreadyExists, second.Outcome);
        Assert.Equal("First", (await grain.GetAsync())!.DisplayName);
    }

    [Fact]
    public async Task Create_Concurrently_ExactlyOneWins()
    {
        var grain = fixture.Client.GetGrain<IArtistGrain>(Guid.NewGuid().ToString("N"));

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => grain.CreateAsync(Command($"Name {i}"))));

        Assert.Single(results, r => r.Outcome == ArtistCreateOutcome.Created);
        Assert.Equal(9, results.Count(r => r.Outcome == ArtistCreateOutcome.AlreadyExists));
    }

    [Fact]
    public async Task Create_Invalid_StoresNothing()
    {
        var grain = fixture.Client.GetGrain<IArtistGrain>(Guid.NewGuid().ToString("N"));

        var result = await grain.CreateAsync(Command() with { Region = "Atlantis" });

        Assert.Equal(ArtistCreateOutcome.Invalid, result.Outcome);
        Assert.Equal("region", Assert.Single(result.Errors).Field);
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task Profile_SurvivesDeactivation()
    {
        var grain = fixture.Client.GetGrain<IArtistGrain>(Guid.NewGuid().ToString("N"));
        var created = (await grain.CreateAsync(Command())).Value;

        await fixture.Cluster.DeactivateAsync(grain);

        ArtistAssertions.Same(created, await grain.GetAsync());
    }
}
