using System.Text;
using System.Text.Json;

namespace Spotlight.Tests.Api;

/// <summary>
/// Writes the route reference of docs/api.md from the OpenAPI document the API serves: every operation with
/// who may call it, its parameters, its body's fields (type, required, allowed words), its success answer's
/// shape and its example request as a curl command. Only the document goes in, so the reference says what
/// the API says about itself, and <see cref="ApiReferenceTests"/> keeps the file in step with it.
/// </summary>
public static class ApiReferenceRenderer
{
    public const string Begin = "<!-- BEGIN route reference: written by ApiReferenceTests from /openapi/v1.json; edit the API, not this part -->";
    public const string End = "<!-- END route reference -->";

    /// <summary>How deep body fields are listed: a season's rounds and prizes, a title's where-to-watch.</summary>
    private const int MaxFieldDepth = 3;

    /// <summary>The file with its generated part replaced by <paramref name="reference"/> (appended when the
    /// markers are missing); the rest of the file is left as written.</summary>
    public static string Splice(string markdown, string reference)
    {
        var block = $"{Begin}\n\n{reference}\n{End}";
        var begin = markdown.IndexOf(Begin, StringComparison.Ordinal);
        var end = markdown.IndexOf(End, StringComparison.Ordinal);
        return begin < 0 || end < begin
            ? $"{markdown.TrimEnd('\n')}\n\n{block}\n"
            : markdown[..begin] + block + markdown[(end + End.Length)..];
    }

    public static string Render(JsonElement document)
    {
        var operations = DocumentOperation.All(document);
        var tags = document.TryGetProperty("tags", out var declared)
            ? declared.EnumerateArray().Select(t => (Name: t.GetProperty("name").GetString()!, Description: t.TryGetProperty("description", out var d) ? d.GetString() : null)).ToList()
            : [];
        tags.AddRange(operations.Select(o => o.Tag).Distinct().Where(t => tags.All(known => known.Name != t)).Select(t => (t, (string?)null)));

        var md = new StringBuilder();
        md.Append("""
            ## Route reference

            This part is written from the OpenAPI document the API serves in Development (`/openapi/v1.json`; in
            other environments the Development routes are absent) by `ApiReferenceTests`, which fails when it differs
            from what the API serves now and prints the `cp` command that takes the new text. Change the API (its
            summaries, `[Required]` and `[AllowedValues]` on request fields, `client-api/OpenApi/RequestExamples.cs`),
            then run `dotnet test tests/Spotlight.Tests.Api --filter ApiReferenceTests` and that command.

            The examples tell one story in order: a season, an artist and her track, its clearance, a studio's title, a
            fan video using the track, its engagement, the link review, analytics and a campaign reward.
            `RequestExampleApiTests` sends every one of them to a fresh system. In the commands `$API` is the server's
            address (such as `http://localhost:5000`) and `$TOKEN` a bearer token with a role the route names (in
            Development `POST /api/dev/tokens` mints one); artist and track ids stand for the ones the server returned.
            In body tables a required field must be sent and a field with allowed values takes only those words; in
            answer shapes `?` marks a field that may be null or absent. Statuses are those the document declares:
            409 conflicts, 413, 429 and 503 are described under "Errors" above.


            """);

        md.Append("| route | who | what |\n| --- | --- | --- |\n");
        foreach (var operation in tags.SelectMany(t => operations.Where(o => o.Tag == t.Name)))
        {
            md.Append($"| [`{operation.Route}`](#{Anchor(operation)}) | {ShortWho(operation)} | {Cell(operation.Summary)} |\n");
        }

        foreach (var (tag, description) in tags)
        {
            md.Append($"\n### {tag}\n");
            if (description is not null)
            {
                md.Append($"\n{description}\n");
            }

            foreach (var operation in operations.Where(o => o.Tag == tag))
            {
                RenderOperation(md, operation);
            }
        }

        return md.ToString();
    }

    private static void RenderOperation(StringBuilder md, DocumentOperation operation)
    {
        md.Append($"\n<a id=\"{Anchor(operation)}\"></a>\n\n#### `{operation.Route}`\n\n{operation.Summary}\n\n");
        md.Append($"- **Who:** {(operation.Public ? "anyone; no token needed." : operation.Description)}\n");
        md.Append($"- **Operation id:** `{operation.Id}`\n");
        var (status, success) = operation.Success;
        var others = operation.Responses.Select(r => r.Status).Where(s => s != status).Order(StringComparer.Ordinal).ToList();
        md.Append($"- **Answers:** `{status}`{(others.Count > 0 ? $"; also declared: {string.Join(", ", others.Select(s => $"`{s}`"))}" : "")}.\n");

        if (operation.Parameters.Count > 0)
        {
            md.Append("\n| parameter | in | type | required | allowed values | example |\n| --- | --- | --- | --- | --- | --- |\n");
            foreach (var parameter in operation.Parameters)
            {
                var schema = parameter.GetProperty("schema");
                var required = parameter.TryGetProperty("required", out var r) && r.GetBoolean();
                var example = DocumentOperation.ExampleOf(parameter) is { } value ? $"`{value}`" : "";
                md.Append($"| `{DocumentOperation.Name(parameter)}` | {parameter.GetProperty("in").GetString()} | {TypeOf(operation, schema)} | {(required ? "yes" : "no")} | {Allowed(operation, schema)} | {example} |\n");
            }
        }

        if (operation.BodySchema is { } body)
        {
            var fields = Fields(operation, body, prefix: "", depth: 1).ToList();
            var noted = fields.Any(f => f.Notes.Length > 0);
            md.Append($"\nBody{NameOf(body)}:\n\n| field | type | required | allowed values |{(noted ? " notes |" : "")}\n| --- | --- | --- | --- |{(noted ? " --- |" : "")}\n");
            foreach (var (path, type, required, allowed, notes) in fields)
            {
                md.Append($"| `{path}` | {type} | {(required ? "yes" : "no")} | {allowed} |{(noted ? $" {Cell(notes)} |" : "")}\n");
            }
        }

        if (success.TryGetProperty("content", out var content) && content.EnumerateObject().FirstOrDefault() is { Value.ValueKind: JsonValueKind.Object } media)
        {
            var schema = media.Value.GetProperty("schema");
            // A stream's schema is the generator's model of one event; what a client reads is each event's data.
            var shape = media.Name == "text/event-stream" && operation.Resolve(schema).GetProperty("properties").TryGetProperty("data", out var data)
                ? $"server-sent events, each one's data {Shape(operation, data)}"
                : Shape(operation, schema);
            md.Append($"\nAnswer `{status}` ({media.Name}): {shape}\n");
        }

        md.Append($"\nExample:\n\n```bash\n{Curl(operation)}\n```\n");
    }

    /// <summary>The example request as a curl command: target, token when needed, body when there is one.</summary>
    private static string Curl(DocumentOperation operation)
    {
        var streams = operation.Success.Response.TryGetProperty("content", out var content) && content.TryGetProperty("text/event-stream", out _);
        var lines = new List<string> { $"curl{(streams ? " -N" : "")}{(operation.Method == "GET" ? "" : $" -X {operation.Method}")} \"$API{operation.ExampleTarget()}\"" };
        if (!operation.Public)
        {
            lines.Add("  -H \"authorization: Bearer $TOKEN\"");
        }

        if (operation.BodyExample is { } example)
        {
            lines.Add("  -H 'content-type: application/json'");
            lines.Add($"  -d '{ExampleJson.Format(example)}'");
        }

        return string.Join(" \\\n", lines);
    }

    /// <summary>Every field of a body, nested objects' fields as <c>rounds[].opensAt</c>.</summary>
    private static IEnumerable<(string Path, string Type, bool Required, string Allowed, string Notes)> Fields(
        DocumentOperation operation, JsonElement schema, string prefix, int depth)
    {
        var resolved = operation.Resolve(schema);
        if (!resolved.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        var required = resolved.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()).ToHashSet() : [];
        foreach (var property in properties.EnumerateObject())
        {
            var path = prefix + property.Name;
            var described = property.Value.TryGetProperty("description", out var description) ? description.GetString() ?? "" : "";
            var notes = string.Join(" ", new[] { Bounds(property.Value), described }.Where(n => n.Length > 0));
            yield return (path, TypeOf(operation, property.Value), required.Contains(property.Name), Allowed(operation, property.Value), notes);

            var isArray = property.Value.TryGetProperty("items", out var items);
            var inner = isArray ? items : property.Value;
            if (depth < MaxFieldDepth && operation.Resolve(inner).TryGetProperty("properties", out _))
            {
                foreach (var field in Fields(operation, inner, path + (isArray ? "[]." : "."), depth + 1))
                {
                    yield return field;
                }
            }
        }
    }

    /// <summary>An answer's shape in one line: its schema's name and top-level fields.</summary>
    private static string Shape(DocumentOperation operation, JsonElement schema)
    {
        if (schema.TryGetProperty("items", out var items))
        {
            return $"an array of {Shape(operation, items)}";
        }

        var resolved = operation.Resolve(schema);
        if (!resolved.TryGetProperty("properties", out var properties))
        {
            return TypeOf(operation, schema);
        }

        var required = resolved.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()).ToHashSet() : [];
        var fields = properties.EnumerateObject().Select(p => $"`{p.Name}{(required.Contains(p.Name) ? "" : "?")}` {TypeOf(operation, p.Value)}");
        return $"{NameOf(schema).Trim()} with {string.Join(", ", fields)}.".TrimStart();
    }

    /// <summary>A schema's type in words: <c>string (date-time)</c>, <c>array of `RoundPlan`</c>, <c>one of …</c>.</summary>
    private static string TypeOf(DocumentOperation operation, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = operation.Resolve(schema);
            return target.TryGetProperty("enum", out _) && !target.TryGetProperty("properties", out _)
                ? $"one of {Allowed(operation, schema)}"
                : $"`{DocumentOperation.SchemaName(reference.GetString()!)}`";
        }

        var types = schema.TryGetProperty("type", out var type)
            ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!]
            : [];
        types.Remove("null");
        // Numbers may also be sent as strings of digits (the pattern says which); the number is what to send.
        if (types.Contains("integer") || types.Contains("number"))
        {
            types.Remove("string");
        }

        if (types is ["array"] && schema.TryGetProperty("items", out var items))
        {
            return $"array of {TypeOf(operation, items)}";
        }

        var format = schema.TryGetProperty("format", out var f) && f.GetString() is "date-time" or "date" ? $" ({f.GetString()})" : "";
        return types.Count == 0 ? "any" : string.Join(" or ", types) + format;
    }

    /// <summary>The limits a schema states itself (<c>minimum</c>, <c>maximum</c>, <c>maxItems</c>), in words.</summary>
    private static string Bounds(JsonElement schema)
    {
        string? Limit(string name) => schema.TryGetProperty(name, out var value) ? value.ToString() : null;
        var bounds = new List<string>();
        if (Limit("minimum") is { } min && Limit("maximum") is { } max)
        {
            bounds.Add($"From {min} to {max}.");
        }

        if (Limit("maxItems") is { } items)
        {
            bounds.Add($"At most {items} items.");
        }

        return string.Join(" ", bounds);
    }

    /// <summary>The words a field accepts (its own enum, its items', or the enum it refers to).</summary>
    private static string Allowed(DocumentOperation operation, JsonElement schema)
    {
        var target = schema.TryGetProperty("items", out var items) ? items : schema;
        var resolved = operation.Resolve(target);
        return resolved.TryGetProperty("enum", out var words)
            ? string.Join(", ", words.EnumerateArray().Where(w => w.ValueKind != JsonValueKind.Null).Select(w => $"`{w.GetString()}`"))
            : "";
    }

    private static string NameOf(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? $" `{DocumentOperation.SchemaName(reference.GetString()!)}`" : "";

    private static string ShortWho(DocumentOperation operation) =>
        operation.Public ? "anyone" : operation.Roles.Count == 0 ? "signed in" : string.Join(", ", operation.Roles.Select(r => $"`{r}`"));

    private static string Anchor(DocumentOperation operation) => "op-" + operation.Id.ToLowerInvariant();

    /// <summary>Text safe inside a table cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
