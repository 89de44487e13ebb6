using HdrHistogram;

namespace Spotlight.LoadTest.Soak;

/// <summary>Per minute of the soak: events acknowledged, reads answered, and their latency, so that a system
/// that slows down over time shows it.</summary>
public sealed class MinuteStats(int durationSeconds)
{
    private readonly int _minutes = Slots(durationSeconds);
    private readonly long[] _events = new long[Slots(durationSeconds)];
    private readonly long[] _reads = new long[Slots(durationSeconds)];
    private readonly LongConcurrentHistogram[] _ack = Histograms(Slots(durationSeconds));
    private readonly LongConcurrentHistogram[] _read = Histograms(Slots(durationSeconds));

    public void Acknowledged(TimeSpan at, TimeSpan latency, int events)
    {
        var minute = MinuteOf(at);
        Interlocked.Add(ref _events[minute], events);
        _ack[minute].RecordValue(Micros(latency));
    }

    public void Read(TimeSpan at, TimeSpan latency)
    {
        var minute = MinuteOf(at);
        Interlocked.Increment(ref _reads[minute]);
        _read[minute].RecordValue(Micros(latency));
    }

    public IReadOnlyList<MinuteSample> Samples(double ranSeconds) =>
        [.. Enumerable.Range(0, Math.Min(_minutes, (int)Math.Ceiling(ranSeconds / 60))).Select(m => new MinuteSample(
            m + 1, _events[m], _reads[m], Ms(_ack[m], 50), Ms(_ack[m], 99), Ms(_read[m], 50), Ms(_read[m], 99)))];

    /// <summary>One slot more than the run's minutes: calls that finish after the deadline land in the last one.</summary>
    private static int Slots(int durationSeconds) => (durationSeconds / 60) + 2;

    private int MinuteOf(TimeSpan at) => Math.Min((int)at.TotalMinutes, _minutes - 1);

    private static long Micros(TimeSpan latency) => Math.Max(1, (long)latency.TotalMicroseconds);

    private static double Ms(HistogramBase histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile) / 1000.0;

    private static LongConcurrentHistogram[] Histograms(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new LongConcurrentHistogram(1, 60_000_000, 3))];
}

public sealed record MinuteSample(int Minute, long Events, long Reads, double AckP50Ms, double AckP99Ms, double ReadP50Ms, double ReadP99Ms);
