using System.Globalization;
using System.Text.RegularExpressions;

namespace Spotlight.Tests.Cluster.Processes;

/// <summary>What <c>silo/local-cluster.sh</c> prints once its cluster is ready, read back from its output.</summary>
public sealed partial record LocalClusterSummary(
    Uri Api,
    string ClusterId,
    string ConnectionString,
    IReadOnlyList<Uri> SiloHealth,
    IReadOnlyDictionary<string, int> ProcessIds,
    string RunDirectory)
{
    public static LocalClusterSummary Parse(string output)
    {
        var processes = Find(ProcessesLine(), output, "the process ids");
        return new LocalClusterSummary(
            new Uri(Find(ApiLine(), output, "the API's address").Groups[1].Value),
            Find(ClusterIdText(), output, "the cluster id").Groups[1].Value,
            Find(PostgresLine(), output, "the PostgreSQL connection string").Groups[1].Value,
            [.. SiloHealthLine().Matches(output).Select(m => new Uri(m.Groups[1].Value))],
            new Dictionary<string, int>
            {
                ["api"] = Id(processes, 1),
                ["silo-1"] = Id(processes, 2),
                ["silo-2"] = Id(processes, 3),
                ["postgres"] = Id(processes, 4),
            },
            Find(RunDirectoryLine(), output, "the run directory").Groups[1].Value);
    }

    private static Match Find(Regex pattern, string output, string what)
    {
        var match = pattern.Match(output);
        return match.Success ? match : throw new FormatException($"local-cluster.sh did not print {what}:\n{output}");
    }

    private static int Id(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s+API:\s+(\S+)$", RegexOptions.Multiline)]
    private static partial Regex ApiLine();

    [GeneratedRegex(@"\(cluster id ([^)\s]+)\)")]
    private static partial Regex ClusterIdText();

    [GeneratedRegex(@"^\s+PostgreSQL:\s+(Host=\S+)$", RegexOptions.Multiline)]
    private static partial Regex PostgresLine();

    [GeneratedRegex(@"^\s+silo-\d health:\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex SiloHealthLine();

    [GeneratedRegex(@"^\s+Processes:\s+api (\d+), silo-1 (\d+), silo-2 (\d+), postgres (\d+)$", RegexOptions.Multiline)]
    private static partial Regex ProcessesLine();

    [GeneratedRegex(@"^\s+Run directory:\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex RunDirectoryLine();
}
