using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Spotlight.ClientApi.Endpoints;
using Spotlight.Domain;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Unit.Contracts;

/// <summary>
/// Which project may use which. The API talks to grains through their interfaces and checks requests with the domain rules; it references
/// the silo project only to co-host a silo in embedded mode. This holds by test, not by convention: every
/// type the compiled API refers to is read from its metadata (a type, a static call, an attribute), and its
/// sources are read for a <c>using</c> or a name of grain code that the compiler would drop as unused.
/// </summary>
public sealed class ProjectBoundaryTests
{
    [Fact]
    public void NoApiType_UsesGrainCode()
    {
        var used = ReferencedTypes(typeof(ResourceIds).Assembly.Location);

        Assert.Contains("Spotlight.GrainInterfaces.Videos.IVideoGrain", used);
        Assert.Contains("Spotlight.Domain.ResourceIdRules", used);
        Assert.Equal([], used.Where(IsGrainCode).Order());
    }

    [Fact]
    public void NoApiSource_NamesGrainCode()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryLayout.Root, "client-api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(sources);
        Assert.Equal([], sources.Where(f => File.ReadAllText(f).Contains("Spotlight.Grains.", StringComparison.Ordinal)).Select(f => Path.GetRelativePath(RepositoryLayout.Root, f)));
    }

    /// <summary>The rules are plain code: they take the wire records as input and use nothing of Orleans, so
    /// they run (and are tested) without a cluster.</summary>
    [Fact]
    public void TheDomainRules_UseNoOrleansAssembly()
    {
        var assemblies = typeof(SeasonRules).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Spotlight.GrainInterfaces", assemblies);
        Assert.DoesNotContain(assemblies, a => a.StartsWith("Orleans", StringComparison.Ordinal) || a.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
        Assert.Equal([], ReferencedTypes(typeof(SeasonRules).Assembly.Location).Where(t => t.StartsWith("Orleans.", StringComparison.Ordinal)));
    }

    private static bool IsGrainCode(string type) => type.StartsWith("Spotlight.Grains.", StringComparison.Ordinal);

    /// <summary>The full name of every type the assembly refers to in another assembly (a nested type is named
    /// by its outermost type).</summary>
    private static HashSet<string> ReferencedTypes(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeReferences)
        {
            var reference = metadata.GetTypeReference(handle);
            while (reference.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                reference = metadata.GetTypeReference((TypeReferenceHandle)reference.ResolutionScope);
            }

            types.Add($"{metadata.GetString(reference.Namespace)}.{metadata.GetString(reference.Name)}");
        }

        return types;
    }
}
