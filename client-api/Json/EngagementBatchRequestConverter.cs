using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spotlight.ClientApi.Endpoints;

namespace Spotlight.ClientApi.Json;

/// <summary>
/// Reads an engagement batch in one pass over the JSON, each event straight into a list sized for a full
/// batch: the API's hottest route reads hundreds of thousands of events a second, and the generated reader
/// spent more on its bookkeeping than on the events. It reads what the generated reader would, with the
/// API's web defaults: property names in any case, numbers also as strings, unknown properties skipped, and
/// a value of the wrong type refused with its place in the batch (<c>$.events[3].count</c>), so the 400
/// still names the field.
/// </summary>
public sealed class EngagementBatchRequestConverter : JsonConverter<EngagementBatchRequest>
{
    private const int ExpectedEvents = 512;

    public override EngagementBatchRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A JSON object is required.");
        }

        string? batchId = null;
        List<EngagementEventRequest?>? events = null;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            Next(ref reader);
            if (Is(name, "batchId"))
            {
                batchId = ReadString(ref reader, "$.batchId");
            }
            else if (Is(name, "events"))
            {
                events = ReadEvents(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new EngagementBatchRequest(batchId, events);
    }

    public override void Write(Utf8JsonWriter writer, EngagementBatchRequest value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Engagement batches are read, never written.");

    private static List<EngagementEventRequest?>? ReadEvents(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                break;
            default:
                throw new JsonException("A list of events is required.", "$.events", null, null);
        }

        var events = new List<EngagementEventRequest?>(ExpectedEvents);
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            events.Add(reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.StartObject => ReadEvent(ref reader, events.Count),
                _ => throw new JsonException("An event object is required.", Path(events.Count, null), null, null),
            });
        }

        return events;
    }

    private static EngagementEventRequest ReadEvent(ref Utf8JsonReader reader, int index)
    {
        var e = default(EngagementEventRequest);
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            // The four names in their usual spelling are matched on the bytes; anything else is decoded once.
            if (reader.ValueTextEquals("videoId"u8))
            {
                Next(ref reader);
                e.VideoId = ReadString(ref reader, Path(index, "videoId"));
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                Next(ref reader);
                e.Kind = ReadKind(ref reader, index);
            }
            else
            {
                var name = reader.GetString();
                Next(ref reader);
                if (Is(name, "videoId"))
                {
                    e.VideoId = ReadString(ref reader, Path(index, "videoId"));
                }
                else if (Is(name, "kind"))
                {
                    e.Kind = ReadKind(ref reader, index);
                }
                else if (Is(name, "count"))
                {
                    e.Count = ReadInt(ref reader, index);
                }
                else if (Is(name, "at"))
                {
                    e.At = ReadInstant(ref reader, index);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return e;
    }

    /// <summary>The usual kinds as shared constants (no string per event); anything else as read, for the
    /// rules to refuse with the allowed values.</summary>
    private static string? ReadKind(ref Utf8JsonReader reader, int index) =>
        reader.TokenType != JsonTokenType.String ? ReadString(ref reader, Path(index, "kind"))
        : reader.ValueTextEquals("view"u8) ? "view"
        : reader.ValueTextEquals("like"u8) ? "like"
        : reader.ValueTextEquals("comment"u8) ? "comment"
        : reader.ValueTextEquals("share"u8) ? "share"
        : reader.GetString();

    private static int? ReadInt(ref Utf8JsonReader reader, int index)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt32(out var number):
                return number;
            case JsonTokenType.String when !reader.ValueIsEscaped && !reader.HasValueSequence
                && Utf8Parser.TryParse(reader.ValueSpan, out int parsed, out var used) && used == reader.ValueSpan.Length:
                return parsed;
            default:
                throw new JsonException("A whole number is required.", Path(index, "count"), null, null);
        }
    }

    private static DateTimeOffset? ReadInstant(ref Utf8JsonReader reader, int index) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String when reader.TryGetDateTimeOffset(out var at) => at,
        _ => throw new JsonException("An ISO 8601 instant is required.", Path(index, "at"), null, null),
    };

    private static string? ReadString(ref Utf8JsonReader reader, string path) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException("A string is required.", path, null, null),
    };

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("The JSON ends too early.");

    private static bool Is(string? name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    private static string Path(int index, string? field) => field is null ? $"$.events[{index}]" : $"$.events[{index}].{field}";
}
