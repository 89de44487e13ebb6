namespace Spotlight.Benchmarks;

/// <summary>Heap bytes a live leaderboard holds per entry (standings, the per-group trees, the index by id,
/// and the track-id strings themselves), measured as the growth of the live heap after a full collection.</summary>
public static class MemoryPerEntry
{
    public static void Run(int entries)
    {
        var before = LiveHeap();
        var board = LeaderboardFixture.Build(entries);
        var after = LiveHeap();
        GC.KeepAlive(board);
        Console.WriteLine($"entries: {entries:N0}");
        Console.WriteLine($"live heap growth: {(after - before) / 1024.0 / 1024.0:N1} MiB");
        Console.WriteLine($"bytes per entry: {(after - before) / (double)entries:N0}");
    }

    private static long LiveHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
