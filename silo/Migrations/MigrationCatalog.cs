using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Spotlight.Silo.Migrations;

/// <summary>The migrations embedded in this assembly, named <c>NNNN_description.sql</c>, in version order.</summary>
public static class MigrationCatalog
{
    private const string ResourcePrefix = "Spotlight.Migrations.";

    public static IReadOnlyList<Migration> Load()
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Read(assembly, name))
            .OrderBy(m => m.Version)
            .ToList();

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Two migrations have version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }

        return migrations;
    }

    /// <summary>Splits "0003_orleans_persistence.sql" into version 3 and name "orleans_persistence".</summary>
    public static (int Version, string Name) ParseFileName(string fileName)
    {
        var stem = fileName.EndsWith(".sql", StringComparison.Ordinal) ? fileName[..^4] : fileName;
        var separator = stem.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0
            || !int.TryParse(stem[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || version <= 0)
        {
            throw new FormatException($"Migration '{fileName}' must be named NNNN_description.sql with NNNN > 0.");
        }

        return (version, stem[(separator + 1)..]);
    }

    private static Migration Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded migration '{resourceName}' could not be opened.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd();
        var (version, name) = ParseFileName(resourceName[ResourcePrefix.Length..]);
        // Line endings are normalised so that a checkout with CRLF does not look like an edited script.
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
        return new Migration(version, name, sql, checksum);
    }
}
