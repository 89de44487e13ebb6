namespace Spotlight.GrainInterfaces.Titles;

[GenerateSerializer, Alias("Spotlight.Titles.RewardKind")]
public enum RewardKind
{
    Frame = 0,
    Filter = 1,
    Merch = 2,
    Tickets = 3,
}
