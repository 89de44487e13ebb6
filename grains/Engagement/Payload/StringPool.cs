using System.Text;

namespace Spotlight.Grains.Engagement.Payload;

/// <summary>
/// One string instance per id for a reader that decodes the same ids over and over (a projector sees a hot
/// video in every delivery): a lookup by the UTF-8 bytes, no allocation when the id was seen. Not
/// thread-safe; bounded, it starts over when full.
/// </summary>
public sealed class StringPool(int capacity = StringPool.DefaultCapacity)
{
    public const int DefaultCapacity = 500_000;
    private const int MaxPooledBytes = 256;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxPooledBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxPooledBytes];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..length], out var pooled))
        {
            return pooled;
        }

        if (_strings.Count >= capacity)
        {
            _strings.Clear();
        }

        var created = chars[..length].ToString();
        _strings[created] = created;
        return created;
    }
}
