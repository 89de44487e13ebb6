using Spotlight.GrainInterfaces.Artists;

namespace Spotlight.Grains.Artists;

[GenerateSerializer, Alias("Spotlight.Artists.ArtistState")]
public sealed class ArtistState
{
    /// <summary>Null until the artist is created.</summary>
    [Id(0)]
    public ArtistProfile? Profile { get; set; }

    /// <summary>The region's featured playlist shows this artist's verified badge.</summary>
    [Id(1)]
    public bool BadgeSynced { get; set; } = true;
}
