namespace Spotlight.Grains.Titles;

[GenerateSerializer, Alias("Spotlight.Titles.TitleTermIndexState")]
public sealed class TitleTermIndexState
{
    [Id(0)]
    public HashSet<string> TitleIds { get; set; } = [];
}
