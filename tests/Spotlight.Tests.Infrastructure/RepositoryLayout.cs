using System.Reflection;

namespace Spotlight.Tests.Infrastructure;

/// <summary>Where things are in the checkout, found from the test binaries' location.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration the tests were built in, and so their siblings.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>A host project's built entry assembly, e.g. ("silo", "Spotlight.Silo").</summary>
    public static string BuiltAssembly(string projectFolder, string assemblyName)
    {
        var path = Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0", assemblyName + ".dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path} is missing; build the solution first (dotnet build Spotlight.sln -c {Configuration}).", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Spotlight.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Spotlight.sln above {AppContext.BaseDirectory}.");
    }
}
