namespace Spotlight.Grains.Studios;

[GenerateSerializer, Alias("Spotlight.Studios.StudioTitlesState")]
public sealed class StudioTitlesState
{
    [Id(0)]
    public HashSet<string> TitleIds { get; set; } = [];
}
