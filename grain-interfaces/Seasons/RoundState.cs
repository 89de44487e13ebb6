namespace Spotlight.GrainInterfaces.Seasons;

public enum RoundState
{
    Scheduled,
    Open,
    Closed,
}
