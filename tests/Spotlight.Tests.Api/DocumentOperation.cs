using System.Text.Json;
using System.Text.RegularExpressions;

namespace Spotlight.Tests.Api;

/// <summary>
/// One operation of a served OpenAPI document, read as docs/api.md's route reference and the example test
/// need it: who may call it, what it answers and its example request.
/// </summary>
public sealed partial record DocumentOperation(JsonElement Document, string Method, string Path, JsonElement Operation)
{
    public static IReadOnlyList<DocumentOperation> All(JsonElement document) =>
        [.. document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Select(operation => new DocumentOperation(document, operation.Name.ToUpperInvariant(), path.Name, operation.Value)))];

    public string Id => Operation.GetProperty("operationId").GetString()!;

    public string Route => $"{Method} {Path}";

    public string Tag => Operation.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0 ? tags[0].GetString()! : "Other";

    public string Summary => Text("summary");

    public string Description => Text("description");

    /// <summary>Open to everyone: the operation asks for no token.</summary>
    public bool Public => Operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;

    /// <summary>The roles the description names (in backticks, as <c>AuthorizationOperationTransformer</c> writes
    /// them); none for a public route and for one open to any signed-in caller.</summary>
    public IReadOnlyList<string> Roles => RolesSentence().Match(Description) is { Success: true } sentence
        ? [.. Backticked().Matches(sentence.Value).Select(m => m.Groups["role"].Value)]
        : [];

    public IEnumerable<(string Status, JsonElement Response)> Responses =>
        Operation.GetProperty("responses").EnumerateObject().Select(r => (r.Name, r.Value));

    /// <summary>The success answer: the first 2xx the document declares.</summary>
    public (string Status, JsonElement Response) Success => Responses.First(r => r.Status.StartsWith('2'));

    public IReadOnlyList<JsonElement> Parameters =>
        Operation.TryGetProperty("parameters", out var parameters) ? [.. parameters.EnumerateArray()] : [];

    /// <summary>The JSON body's schema, when the operation takes one.</summary>
    public JsonElement? BodySchema =>
        Operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
            ? json.GetProperty("schema")
            : null;

    /// <summary>The body example: the operation's own, else the first of its schema's.</summary>
    public JsonElement? BodyExample
    {
        get
        {
            if (!Operation.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json))
            {
                return null;
            }

            if (json.TryGetProperty("example", out var example))
            {
                return example;
            }

            return Resolve(json.GetProperty("schema")).TryGetProperty("examples", out var examples) && examples.GetArrayLength() > 0 ? examples[0] : null;
        }
    }

    /// <summary>The example request's path and query: path parameters filled in, query parameters that have an
    /// example appended. A parameter without an example stays a placeholder.</summary>
    public string ExampleTarget()
    {
        var path = PathParameter().Replace(Path, m => Parameters.FirstOrDefault(p => Name(p) == m.Groups["name"].Value) is { ValueKind: JsonValueKind.Object } p && ExampleOf(p) is { } value ? value : m.Value);
        var query = Parameters
            .Where(p => p.GetProperty("in").GetString() == "query" && ExampleOf(p) is not null)
            .Select(p => $"{Name(p)}={Uri.EscapeDataString(ExampleOf(p)!).Replace("%3A", ":", StringComparison.Ordinal)}")
            .ToList();
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    /// <summary>The schema a <c>$ref</c> points to (the schema itself when it is no reference).</summary>
    public JsonElement Resolve(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? Document.GetProperty("components").GetProperty("schemas").GetProperty(SchemaName(reference.GetString()!))
            : schema;

    public static string SchemaName(string reference) => reference[(reference.LastIndexOf('/') + 1)..];

    public static string Name(JsonElement parameter) => parameter.GetProperty("name").GetString()!;

    /// <summary>A parameter's example as it goes into a URL.</summary>
    public static string? ExampleOf(JsonElement parameter) =>
        parameter.TryGetProperty("example", out var example)
            ? example.ValueKind == JsonValueKind.String ? example.GetString() : example.GetRawText()
            : null;

    private string Text(string name) => Operation.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex(@"Requires a token with the role [^.]*\.")]
    private static partial Regex RolesSentence();

    [GeneratedRegex(@"`(?<role>[a-z-]+)`")]
    private static partial Regex Backticked();
}
