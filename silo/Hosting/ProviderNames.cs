namespace Spotlight.Silo.Hosting;

public static class ProviderNames
{
    /// <summary>Npgsql's ADO.NET invariant name, as Orleans' ADO.NET providers know it.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>The stream provider that carries engagement.</summary>
    public const string EngagementStream = "engagement";
}
