using System.Globalization;
using Npgsql;

namespace Spotlight.Tests.Cluster.Shards;

/// <summary>Reads a test database's rows directly, to check where the data lives.</summary>
public static class DatabaseRows
{
    public static async Task<long> ScalarAsync(string connectionString, string sql) =>
        Convert.ToInt64((await StringsAsync(connectionString, sql)).SingleOrDefault() ?? "0", CultureInfo.InvariantCulture);

    public static async Task<List<int>> IntsAsync(string connectionString, string sql) =>
        [.. (await StringsAsync(connectionString, sql)).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    public static async Task<List<string>> StringsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? "0" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
