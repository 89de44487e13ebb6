namespace Spotlight.GrainInterfaces.Seasons;

[GenerateSerializer, Alias("Spotlight.Seasons.RoundState")]
public enum RoundState
{
    Scheduled,
    Open,
    Closed,
}
