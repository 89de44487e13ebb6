using Spotlight.GrainInterfaces.Artists;
using Spotlight.GrainInterfaces.Tracks;

namespace Spotlight.Tests.Cluster.Embedded;

/// <summary>Grain-level steps shared by the cluster tests of artists and tracks.</summary>
public static class TrackWorkflow
{
    public static async Task<ArtistProfile> CreateArtistAsync(IGrainFactory grains, string region, string owner = "owner")
    {
        var result = await grains.GetGrain<IArtistGrain>(Guid.NewGuid().ToString("N"))
            .CreateAsync(new CreateArtistCommand(owner, $"Artist {region}", region, null, []));
        Assert.Equal(ArtistCreateOutcome.Created, result.Outcome);
        return result.Value!;
    }

    public static async Task<string> SubmitAsync(IGrainFactory grains, ArtistProfile artist, string title = "Song")
    {
        var trackId = Guid.NewGuid().ToString("N");
        var result = await grains.GetGrain<IArtistGrain>(artist.Id)
            .SubmitTrackAsync(trackId, artist.OwnerId, new TrackSubmission(title, "https://cdn.example/a.mp3", 200, true, null));
        Assert.Equal(ArtistTrackSubmitOutcome.Created, result.Outcome);
        return trackId;
    }
}
