using System.Text.Json;

namespace Spotlight.LoadTest.Common;

/// <summary>Writes a run's raw data as JSON and its report as HTML, side by side in the output folder.</summary>
public static class ReportFiles
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static (string JsonPath, string HtmlPath) Write(string folder, string stem, object data, string html)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, stem);
        File.WriteAllText(path + ".json", JsonSerializer.Serialize(data, Json));
        File.WriteAllText(path + ".html", html);
        return (path + ".json", path + ".html");
    }
}
