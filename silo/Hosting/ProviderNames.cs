namespace Spotlight.Silo.Hosting;

public static class ProviderNames
{
    /// <summary>Npgsql's ADO.NET invariant name, as Orleans' ADO.NET providers know it.</summary>
    public const string NpgsqlInvariant = "Npgsql";
}
