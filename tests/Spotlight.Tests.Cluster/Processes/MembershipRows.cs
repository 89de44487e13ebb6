using Npgsql;

namespace Spotlight.Tests.Cluster.Processes;

/// <summary>Reads Orleans' membership table directly, as an operator would, to see what the silos wrote.</summary>
public static class MembershipRows
{
    /// <summary>Orleans' SiloStatus values as stored.</summary>
    public const int Active = 3;
    public const int Dead = 6;

    public sealed record Row(string Address, int Port, int Status, string? SuspectTimes, string SiloName);

    public static async Task<IReadOnlyList<Row>> ReadAsync(string connectionString, string clusterId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT address, port, status, suspect_times, silo_name FROM orleans_membership WHERE deployment_id = @cluster ORDER BY generation", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
        }

        return rows;
    }

    /// <summary>The row of the newest generation of the silo listening on <paramref name="siloPort"/>.</summary>
    public static async Task<Row?> ForPortAsync(string connectionString, string clusterId, int siloPort) =>
        (await ReadAsync(connectionString, clusterId)).LastOrDefault(r => r.Port == siloPort);
}
