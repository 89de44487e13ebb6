namespace Spotlight.GrainInterfaces.Titles;

[GenerateSerializer, Alias("Spotlight.Titles.TitleKind")]
public enum TitleKind
{
    Movie,
    Show,
}
