namespace Spotlight.GrainInterfaces.Titles;

public enum TitleKind
{
    Movie,
    Show,
}
