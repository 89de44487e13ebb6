using System.Buffers.Binary;
using System.Text;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Domain;

namespace Spotlight.Grains.Engagement.Payload;

/// <summary>
/// Writes one log entry: the events of one batch that belong to one partition, in a compact binary form
/// (see <see cref="SliceReader"/> for the layout). Video and track ids are written once per entry however
/// many events name them. Working space is kept per thread, so an entry costs one array: its own.
/// </summary>
public static class SliceWriter
{
    private const byte Version = 1;

    [ThreadStatic]
    private static Scratch? _scratch;

    /// <summary>Encodes the events of <paramref name="batch"/> at <paramref name="events"/> (indices into its
    /// columns), each with its track from <paramref name="trackOf"/> (by the same index) and whether that track
    /// names a season from <paramref name="inSeasonOf"/> (null: every track does).</summary>
    public static byte[] Write(IngestBatch batch, ReadOnlySpan<int> events, IReadOnlyList<string?> trackOf, IReadOnlyList<bool>? inSeasonOf = null)
    {
        var scratch = _scratch ??= new Scratch();
        var (videos, tracks) = (scratch.Videos, scratch.Tracks);
        videos.Clear();
        tracks.Clear();
        var size = 1 + 10 + 10 + 10 + sizeof(long);
        foreach (var i in events)
        {
            size += Add(videos, batch.VideoIds[i]) + (trackOf[i] is { } track ? Add(tracks, track) + 1 : 0) + 5 + 5 + 1 + 5 + 10;
        }

        var inSeason = scratch.InSeason(tracks.Count);
        var span = scratch.Buffer(size);
        var at = 0;
        span[at++] = Version;
        at += WriteTable(span[at..], videos, scratch);
        at += WriteTable(span[at..], tracks, scratch);
        at += VarInt.Write(span[at..], (ulong)events.Length);
        var baseSeconds = events.Length > 0 ? batch.AtSeconds[events[0]] : 0;
        BinaryPrimitives.WriteInt64LittleEndian(span[at..], baseSeconds);
        at += sizeof(long);
        foreach (var i in events)
        {
            at += VarInt.Write(span[at..], (ulong)videos[batch.VideoIds[i]]);
            var track = trackOf[i] is { } id ? tracks[id] : -1;
            at += VarInt.Write(span[at..], (ulong)(track + 1));
            if (track >= 0)
            {
                // Videos of one track agree, except those registered before the directory knew (true, migration
                // 0013): a track's minutes are kept if any of its videos says so.
                inSeason[track] |= inSeasonOf?[i] ?? true;
            }

            span[at++] = (byte)batch.Kinds[i];
            at += VarInt.Write(span[at..], (ulong)batch.Counts[i]);
            at += VarInt.Write(span[at..], VarInt.ZigZag(batch.AtSeconds[i] - baseSeconds));
        }

        // A trailer, so that a silo of the version before (which stops reading after the events) still reads the
        // entry during a rolling upgrade.
        foreach (var flag in inSeason)
        {
            span[at++] = flag ? (byte)1 : (byte)0;
        }

        return span[..at].ToArray();
    }

    /// <summary>Adds an id to its table; the most bytes it may take when written (0 if it was there).</summary>
    private static int Add(Dictionary<string, int> table, string id)
    {
        if (table.ContainsKey(id))
        {
            return 0;
        }

        table[id] = table.Count;
        return 5 + Encoding.UTF8.GetMaxByteCount(id.Length);
    }

    private static int WriteTable(Span<byte> target, Dictionary<string, int> table, Scratch scratch)
    {
        var at = VarInt.Write(target, (ulong)table.Count);
        // Entries in index order: a dictionary that was only added to enumerates in insertion order, but the
        // format must not depend on that.
        var ordered = scratch.Ordered(table.Count);
        foreach (var (id, index) in table)
        {
            ordered[index] = id;
        }

        for (var i = 0; i < table.Count; i++)
        {
            var length = Encoding.UTF8.GetBytes(ordered[i], target[(at + 5)..]);
            var prefix = VarInt.Write(target[at..], (ulong)length);
            if (prefix != 5)
            {
                target.Slice(at + 5, length).CopyTo(target[(at + prefix)..]);
            }

            at += prefix + length;
        }

        return at;
    }

    private sealed class Scratch
    {
        private byte[] _buffer = new byte[64 * 1024];
        private string[] _ordered = new string[512];
        private bool[] _inSeason = new bool[512];

        public Dictionary<string, int> Videos { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Tracks { get; } = new(StringComparer.Ordinal);

        public Span<byte> Buffer(int size)
        {
            if (_buffer.Length < size)
            {
                _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
            }

            return _buffer;
        }

        /// <summary>A cleared flag per track.</summary>
        public Span<bool> InSeason(int count)
        {
            if (_inSeason.Length < count)
            {
                _inSeason = new bool[Math.Max(count, _inSeason.Length * 2)];
            }

            var flags = _inSeason.AsSpan(0, count);
            flags.Clear();
            return flags;
        }

        public string[] Ordered(int count)
        {
            if (_ordered.Length < count)
            {
                _ordered = new string[Math.Max(count, _ordered.Length * 2)];
            }

            return _ordered;
        }
    }
}
