using Spotlight.LoadTest.Soak;

namespace Spotlight.Tests.Unit.LoadTest;

public class SoakMemoryTests
{
    private const string Metrics = """
        # TYPE dotnet_process_memory_working_set_bytes gauge
        dotnet_process_memory_working_set_bytes{otel_scope_name="System.Runtime"} 160411648
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen2"} 5
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen0"} 12
        dotnet_gc_last_collection_heap_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="gen0"} 1000
        dotnet_gc_last_collection_heap_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="gen2"} 6000
        dotnet_gc_last_collection_heap_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="loh"} 3.5e3
        dotnet_gc_last_collection_heap_fragmentation_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="gen2"} 99999
        dotnet_gc_last_collection_memory_committed_size_bytes{otel_scope_name="System.Runtime"} 48623616
        dotnet_process_memory_working_set_bytes_total 1
        """;

    [Fact]
    public void Parse_ReadsWorkingSet_SumsHeapGenerations_TakesGen2Collections()
    {
        var sample = MemorySample.Parse(Metrics, 42);

        Assert.Equal(new MemorySample(42, 160411648, 10500, 48623616, 5), sample);
    }

    [Fact]
    public void Parse_WithoutRuntimeInstruments_IsNull() =>
        Assert.Null(MemorySample.Parse("# nothing\naspnetcore_requests 3\n", 0));

    [Fact]
    public void Growth_ComparesMediansOfTheFirstAndLastWindowsAfterWarmup()
    {
        // Warm-up to 100 s (ignored, however high); then 100..200 s at 100 with one spike, 300..400 s at 110.
        var samples = new List<MemorySample>();
        for (var at = 0; at <= 400; at += 10)
        {
            var bytes = at < 100 ? 1_000 : at <= 200 ? (at == 150 ? 500 : 100) : at <= 300 ? 105 : 110;
            samples.Add(new MemorySample(at, bytes, 0, 0, 0));
        }

        var growth = MemoryGrowth.Of(samples, warmupSeconds: 100, endSecond: 400, s => s.WorkingSetBytes);

        Assert.Equal(75, growth.WindowSeconds); // a quarter of the 300 s after warm-up
        Assert.Equal(100, growth.BaselineBytes);
        Assert.Equal(110, growth.FinalBytes);
        Assert.Equal(500, growth.PeakBytes);
        Assert.Equal(10.0, growth.Percent, 6);
    }

    [Fact]
    public void Growth_WindowIsAtMostFiveMinutes()
    {
        var samples = Enumerable.Range(0, 181).Select(i => new MemorySample(i * 10, i < 60 ? 200 : 180, 0, 0, 0)).ToList();

        var growth = MemoryGrowth.Of(samples, warmupSeconds: 300, endSecond: 1800, s => s.WorkingSetBytes);

        Assert.Equal(300, growth.WindowSeconds);
        Assert.Equal(200, growth.BaselineBytes); // 300..600 s
        Assert.Equal(180, growth.FinalBytes); // 1500..1800 s
        Assert.Equal(-10.0, growth.Percent, 6);
    }
}
