namespace Spotlight.LoadTest.Soak;

/// <summary>What the API process still held right after a full, compacting collection, as
/// <c>POST /api/dev/retained-memory</c> reports it: live managed objects and the resident memory.</summary>
public sealed record RetainedSample(double AtSecond, long HeapBytes, long WorkingSetBytes, double CollectionMs) : ITimedSample;
