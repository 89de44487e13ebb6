using System.Buffers.Binary;
using System.Text;
using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Engagement.Payload;

/// <summary>
/// Reads a log entry written by <see cref="SliceWriter"/>. Layout (version 1): a version byte; the video
/// id table and the track id table (a count, then each id as a length and UTF-8 bytes); the event count;
/// the first event's time (8 bytes, Unix seconds); then per event its video index, track index + 1 (0: no
/// track), kind (one byte), count, and its time as a zig-zag difference from the first event's. Integers
/// other than the first time are variable-length (LEB128). Then, since track seasons were added, a trailer of
/// one byte per track, 1 if it names a season; an entry without it (written before) has every track in one.
/// </summary>
public sealed class SliceReader
{
    private SliceReader(string[] videos, string[] tracks, bool[] inSeason, ReadOnlyMemory<EngagementEvent> events) =>
        (Videos, Tracks, InSeason, Events) = (videos, tracks, inSeason, events);

    public string[] Videos { get; }

    public string[] Tracks { get; }

    /// <summary>Per track, whether it names a season: only then can it be a round's entry, so only then are its
    /// videos' minutes kept (for rounds' flags and exclusions).</summary>
    public bool[] InSeason { get; }

    public ReadOnlyMemory<EngagementEvent> Events { get; }

    /// <summary>Whether an event of this entry counts in its video's minutes: it has a track, and the track names a season.</summary>
    public bool KeepsVideoMinute(in EngagementEvent e) => e.Track >= 0 && InSeason[e.Track];

    /// <param name="buffer">Where the events go (a new array when null).</param>
    public static SliceReader Read(ReadOnlySpan<byte> payload, EventBuffer? buffer = null)
    {
        var at = 0;
        if (payload.Length == 0 || payload[at++] != 1)
        {
            throw new FormatException("An engagement log entry of an unknown version.");
        }

        var videos = ReadTable(payload, ref at);
        var tracks = ReadTable(payload, ref at);
        var count = checked((int)VarInt.Read(payload, ref at));
        var baseSeconds = BinaryPrimitives.ReadInt64LittleEndian(payload[at..]);
        at += sizeof(long);
        var memory = buffer?.Take(count) ?? new EngagementEvent[count];
        var events = memory.Span;
        for (var i = 0; i < count; i++)
        {
            var video = (int)VarInt.Read(payload, ref at);
            var track = (int)VarInt.Read(payload, ref at) - 1;
            var kind = (EngagementKind)payload[at++];
            var n = (int)VarInt.Read(payload, ref at);
            var seconds = baseSeconds + VarInt.UnZigZag(VarInt.Read(payload, ref at));
            if ((uint)video >= (uint)videos.Length || track >= tracks.Length || kind > EngagementKind.Use)
            {
                throw new FormatException("An engagement log entry refers to a video, track or kind it does not hold.");
            }

            events[i] = new EngagementEvent(video, track, kind, n, seconds);
        }

        var inSeason = new bool[tracks.Length];
        var trailer = at < payload.Length;
        if (trailer && payload.Length - at != tracks.Length)
        {
            throw new FormatException("An engagement log entry's trailer does not match its tracks.");
        }

        for (var t = 0; t < inSeason.Length; t++)
        {
            inSeason[t] = !trailer || payload[at + t] == 1;
        }

        return new SliceReader(videos, tracks, inSeason, memory);
    }

    private static string[] ReadTable(ReadOnlySpan<byte> payload, ref int at)
    {
        var table = new string[checked((int)VarInt.Read(payload, ref at))];
        for (var i = 0; i < table.Length; i++)
        {
            var length = checked((int)VarInt.Read(payload, ref at));
            var bytes = payload.Slice(at, length);
            table[i] = Encoding.UTF8.GetString(bytes);
            at += length;
        }

        return table;
    }
}
