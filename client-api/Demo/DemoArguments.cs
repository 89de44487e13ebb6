namespace Spotlight.ClientApi.Demo;

/// <summary><c>dotnet run --project client-api -- --demo</c>: the bare switch, which .NET's command-line
/// configuration would read as a key waiting for a value, becomes <c>Spotlight:Demo=true</c>.</summary>
public static class DemoArguments
{
    public static string[] Translate(string[] args) =>
        [.. args.Select(a => a == "--demo" ? $"--{DemoOptions.Switch}=true" : a)];
}
