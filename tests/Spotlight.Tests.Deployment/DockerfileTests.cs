using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Deployment;

/// <summary>What the images' runtime stages must set; no Docker engine runs here, so the files are read.</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> Dockerfiles => new() { "silo/Dockerfile", "client-api/Dockerfile" };

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void RuntimeStage_RunsAsNonRoot_WithTwoMallocArenas(string path)
    {
        var runtime = RuntimeStage(path);

        Assert.Contains(runtime, line => line.StartsWith("USER 10001", StringComparison.Ordinal));
        // Without it the silo's native memory grew 12.9 % in the postgres-mode soak (docs/benchmarks.md).
        Assert.Contains(runtime, line => line.Contains("MALLOC_ARENA_MAX=2", StringComparison.Ordinal) && !line.TrimStart().StartsWith('#'));
    }

    /// <summary>The lines after the last <c>FROM</c>: what the published image runs with.</summary>
    private static string[] RuntimeStage(string path)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, path));
        var from = Array.FindLastIndex(lines, line => line.StartsWith("FROM ", StringComparison.Ordinal));
        Assert.True(from >= 0, $"{path} has no FROM line.");
        return lines[(from + 1)..];
    }
}
