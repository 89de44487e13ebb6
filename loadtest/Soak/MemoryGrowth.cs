namespace Spotlight.LoadTest.Soak;

/// <summary>
/// How much a memory figure grew after warm-up: the median of the samples in the first window after
/// warm-up against the median of the samples in the last window. Medians, so that one sample taken just
/// before a full collection does not decide the verdict; the window is five minutes, or a quarter of the
/// measured time when that is shorter.
/// </summary>
public sealed record MemoryGrowth(double WindowSeconds, long BaselineBytes, long FinalBytes, long PeakBytes, double Percent)
{
    public const double LongestWindowSeconds = 300;

    public static MemoryGrowth Of<T>(IReadOnlyList<T> samples, double warmupSeconds, double endSecond, Func<T, long> measure)
        where T : ITimedSample
    {
        var window = Math.Min(LongestWindowSeconds, (endSecond - warmupSeconds) / 4);
        var measured = samples.Where(s => s.AtSecond >= warmupSeconds).ToList();
        var baseline = Median(measured.Where(s => s.AtSecond < warmupSeconds + window).Select(measure));
        var final = Median(measured.Where(s => s.AtSecond > endSecond - window).Select(measure));
        var peak = measured.Select(measure).DefaultIfEmpty().Max();
        var percent = baseline == 0 ? double.NaN : (final - baseline) * 100.0 / baseline;
        return new MemoryGrowth(window, baseline, final, peak, percent);
    }

    private static long Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
