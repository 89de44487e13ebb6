using Npgsql;

namespace Spotlight.Silo.Engagement;

/// <summary>The PostgreSQL connections of the engagement log, store and directories.</summary>
public static class EngagementDataSource
{
    /// <summary>Pooled connections are not reset when returned: this code leaves no session state behind
    /// (its advisory locks are released explicitly), and the reset was a round trip for every command.</summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }
}
