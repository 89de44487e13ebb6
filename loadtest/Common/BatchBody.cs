using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Spotlight.LoadTest.Common;

/// <summary>
/// Writes engagement batches as JSON straight into a reusable buffer, with every video id encoded once up
/// front: the generator shares the machine with the system it measures, so each event it writes must cost
/// as little as possible. One instance per sender (not thread-safe).
/// </summary>
public sealed class BatchBody(VideoIds videos)
{
    private static readonly byte[][] KindNames = [.. new[] { "view", "like", "comment", "share" }.Select(Encoding.UTF8.GetBytes)];
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    /// <summary>The batch as JSON; valid until the next call.</summary>
    public ReadOnlyMemory<byte> Write(string batchId, ReadOnlySpan<(int Video, int Kind)> events, int count = 1)
    {
        _buffer.ResetWrittenCount();
        using var json = new Utf8JsonWriter(_buffer);
        json.WriteStartObject();
        json.WriteString("batchId"u8, batchId);
        json.WriteStartArray("events"u8);
        foreach (var (video, kind) in events)
        {
            json.WriteStartObject();
            json.WriteString("videoId"u8, videos[video]);
            json.WriteString("kind"u8, KindNames[kind]);
            if (count != 1)
            {
                json.WriteNumber("count"u8, count);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        return _buffer.WrittenMemory;
    }
}

/// <summary>Video ids by index, as UTF-8, computed once.</summary>
public sealed class VideoIds(int count, Func<int, string> idOf)
{
    private readonly byte[][] _utf8 = [.. Enumerable.Range(0, count).Select(v => Encoding.UTF8.GetBytes(idOf(v)))];

    public int Count => _utf8.Length;

    public ReadOnlySpan<byte> this[int video] => _utf8[video];

    public string IdOf(int video) => Encoding.UTF8.GetString(_utf8[video]);
}
