using System.Diagnostics;
using System.Runtime;

namespace Spotlight.Silo.Diagnostics;

/// <summary>
/// Runs a full, compacting, decommitting garbage collection and reports what the process still holds. The
/// soak judges memory growth on these figures, because the working set (or the heap at the last collection)
/// between full collections mostly measures how much garbage the server GC lets build up, not what is kept.
/// The API serves it at <c>POST /api/dev/retained-memory</c>, a silo at <c>POST /retained-memory</c> on its
/// health port; both in Development only, since it pauses the process for a moment.
/// </summary>
public static class RetainedMemoryProbe
{
    public static RetainedMemory Measure()
    {
        var clock = Stopwatch.StartNew();
        // Aggressive mode compacts every generation (the large object heap too) and gives free memory back
        // to the system, so the working set afterwards is what the process really uses.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var pause = clock.Elapsed;
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        using var process = Process.GetCurrentProcess();
        var untrimmed = process.WorkingSet64;
        // The native allocator keeps freed memory too; give it back the same way, so that a step in the
        // working set is something the process holds, not a free arena page it has not returned yet.
        NativeHeap.Trim();
        process.Refresh();
        return new RetainedMemory(
            HeapBytes: info.HeapSizeBytes - info.FragmentedBytes,
            FragmentedBytes: info.FragmentedBytes,
            CommittedBytes: info.TotalCommittedBytes,
            WorkingSetBytes: process.WorkingSet64,
            CollectionMs: Math.Round(pause.TotalMilliseconds, 1),
            ServerGc: GCSettings.IsServerGC,
            Threads: process.Threads.Count,
            UntrimmedWorkingSetBytes: untrimmed,
            NativeInUseBytes: NativeHeap.InUse());
    }
}

/// <param name="HeapBytes">Bytes of live managed objects after the collection.</param>
/// <param name="FragmentedBytes">Free space left between them.</param>
/// <param name="CommittedBytes">Memory the GC has committed after it gave back what it could.</param>
/// <param name="WorkingSetBytes">The process's resident memory after the collection and the native trim (managed and native).</param>
/// <param name="CollectionMs">How long the collections paused the process.</param>
/// <param name="ServerGc">Whether the server GC runs (its budgets, and so the working set between collections, are larger).</param>
/// <param name="Threads">The process's threads: each holds a stack and possibly a malloc arena, both in the working set.</param>
/// <param name="UntrimmedWorkingSetBytes">The resident memory after the collection, before the native allocator gave its free pages back.</param>
/// <param name="NativeInUseBytes">What the native allocator has handed out and not had back (glibc only; otherwise null).</param>
public sealed record RetainedMemory(
    long HeapBytes, long FragmentedBytes, long CommittedBytes, long WorkingSetBytes, double CollectionMs, bool ServerGc, int Threads,
    long UntrimmedWorkingSetBytes, long? NativeInUseBytes);
