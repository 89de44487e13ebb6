using Spotlight.GrainInterfaces.Artists;

namespace Spotlight.Tests.Cluster.Embedded;

public static class ArtistAssertions
{
    /// <summary>Field-by-field equality; record equality would compare the lists by reference.</summary>
    public static void Same(ArtistProfile? expected, ArtistProfile? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(
            (expected.Id, expected.OwnerId, expected.DisplayName, expected.Region, expected.Bio, expected.Verified, expected.CreatedAt),
            (actual.Id, actual.OwnerId, actual.DisplayName, actual.Region, actual.Bio, actual.Verified, actual.CreatedAt));
        Assert.Equal(expected.Links, actual.Links);
        Assert.Equal(expected.TrackIds, actual.TrackIds);
    }
}
