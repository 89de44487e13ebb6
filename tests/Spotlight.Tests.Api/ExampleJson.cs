using System.Text.Encodings.Web;
using System.Text.Json;

namespace Spotlight.Tests.Api;

/// <summary>
/// JSON laid out for reading in docs/api.md: a value that fits on its line stays on one line (a list of
/// regions, one event), anything longer opens up with two spaces per level.
/// </summary>
public static class ExampleJson
{
    private const int Width = 100;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Format(JsonElement value) => Format(value, indent: 0);

    private static string Format(JsonElement value, int indent)
    {
        var inline = Inline(value);
        if (indent + inline.Length <= Width || value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return inline;
        }

        var inner = new string(' ', indent + 2);
        var items = value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().Select(p => $"{inner}{Scalar(p.Name)}: {Format(p.Value, indent + 2)}")
            : value.EnumerateArray().Select(v => inner + Format(v, indent + 2));
        var (open, close) = value.ValueKind == JsonValueKind.Object ? ('{', '}') : ('[', ']');
        return $"{open}\n{string.Join(",\n", items)}\n{new string(' ', indent)}{close}";
    }

    /// <summary>The value on one line, with a space after each colon and comma.</summary>
    private static string Inline(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => $"{{{string.Join(", ", value.EnumerateObject().Select(p => $"{Scalar(p.Name)}: {Inline(p.Value)}"))}}}",
        JsonValueKind.Array => $"[{string.Join(", ", value.EnumerateArray().Select(Inline))}]",
        _ => JsonSerializer.Serialize(value, Compact),
    };

    private static string Scalar(string name) => JsonSerializer.Serialize(name, Compact);
}
