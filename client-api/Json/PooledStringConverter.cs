using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spotlight.ClientApi.Json;

/// <summary>
/// Reads a JSON string as a shared instance when it was seen before: an engagement batch names the same
/// few hundred thousand videos and four kinds over and over, so the hottest route of the API allocates no
/// string for them. Bounded; past <see cref="Capacity"/> new strings are simply not kept.
/// </summary>
public sealed class PooledStringConverter : JsonConverter<string?>
{
    public const int Capacity = 1_000_000;

    /// <summary>Longer strings are never pooled (ids are at most 64 characters; anything longer is refused anyway).</summary>
    public const int MaxPooledLength = 128;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByChars = Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    // ConcurrentDictionary.Count takes every lock of the dictionary; the size is counted here instead.
    private static int _pooled;

    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadPooled(ref reader);

    /// <summary>The string at the reader (null for a JSON null), shared when it was seen before.</summary>
    public static string? ReadPooled(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string, not {reader.TokenType}.");
        }

        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxPooledLength)
        {
            return reader.GetString();
        }

        Span<char> chars = stackalloc char[MaxPooledLength];
        if (!Encoding.UTF8.TryGetChars(reader.ValueSpan, chars, out var length))
        {
            return reader.GetString();
        }

        var value = chars[..length];
        if (ByChars.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        var created = value.ToString();
        if (Volatile.Read(ref _pooled) >= Capacity || !Pool.TryAdd(created, created))
        {
            return ByChars.TryGetValue(value, out var raced) ? raced : created;
        }

        Interlocked.Increment(ref _pooled);
        return created;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
