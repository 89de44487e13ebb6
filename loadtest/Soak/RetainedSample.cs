namespace Spotlight.LoadTest.Soak;

/// <summary>What a process still held right after a full, compacting collection and a trim of the native
/// allocator, as <c>POST /api/dev/retained-memory</c> (or a silo's <c>POST /retained-memory</c>) reports it:
/// live managed objects and the resident memory (judged); the resident memory before the trim, what the GC
/// kept committed, what the native allocator has handed out (glibc only, else null) and how many threads
/// the process had (recorded to explain steps in the working set: a GC region, a malloc arena or a thread's
/// stack is megabytes of it).</summary>
public sealed record RetainedSample(
    double AtSecond, long HeapBytes, long WorkingSetBytes, double CollectionMs, long CommittedBytes, int Threads,
    long UntrimmedWorkingSetBytes, long? NativeInUseBytes) : ITimedSample;
