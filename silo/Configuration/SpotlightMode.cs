namespace Spotlight.Silo.Configuration;

public enum SpotlightMode
{
    Embedded,
    Postgres,
}

public static class SpotlightModeNames
{
    public const string Embedded = "embedded";
    public const string Postgres = "postgres";

    public static bool TryParse(string? value, out SpotlightMode mode)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case Embedded:
                mode = SpotlightMode.Embedded;
                return true;
            case Postgres:
                mode = SpotlightMode.Postgres;
                return true;
            default:
                mode = default;
                return false;
        }
    }
}
