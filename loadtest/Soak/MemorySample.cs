using System.Globalization;

namespace Spotlight.LoadTest.Soak;

/// <summary>The API process's memory at one moment, as its /metrics reports it (System.Runtime's instruments).</summary>
public sealed record MemorySample(double AtSecond, long WorkingSetBytes, long HeapBytes, long CommittedBytes, long Gen2Collections) : ITimedSample
{
    private const string WorkingSet = "dotnet_process_memory_working_set_bytes";
    private const string Heap = "dotnet_gc_last_collection_heap_size_bytes";
    private const string Committed = "dotnet_gc_last_collection_memory_committed_size_bytes";
    private const string Collections = "dotnet_gc_collections_total";

    /// <summary>Reads the sample from Prometheus text: the heap sums its generations; null when the
    /// working set is missing (an endpoint without runtime instruments).</summary>
    public static MemorySample? Parse(string prometheusText, double atSecond)
    {
        long? workingSet = null;
        long heap = 0, committed = 0, gen2 = 0;
        foreach (var line in prometheusText.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var nameEnd = line.IndexOfAny(['{', ' ']);
            var valueStart = line.LastIndexOf(' ');
            if (nameEnd <= 0 || valueStart <= nameEnd
                || !double.TryParse(line.AsSpan(valueStart + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            switch (line.AsSpan(0, nameEnd))
            {
                case WorkingSet:
                    workingSet = (long)value;
                    break;
                case Heap:
                    heap += (long)value;
                    break;
                case Committed:
                    committed = (long)value;
                    break;
                case Collections when line.Contains("gc_heap_generation=\"gen2\"", StringComparison.Ordinal):
                    gen2 = (long)value;
                    break;
            }
        }

        return workingSet is { } ws ? new MemorySample(atSecond, ws, heap, committed, gen2) : null;
    }
}
