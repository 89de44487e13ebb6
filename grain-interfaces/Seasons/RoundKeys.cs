namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>Round grains are keyed <c>{seasonId}/{roundNumber}</c> (season ids never contain '/').</summary>
public static class RoundKeys
{
    public static string Of(string seasonId, int number) => $"{seasonId}/{number}";
}
