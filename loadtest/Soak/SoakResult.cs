namespace Spotlight.LoadTest.Soak;

public sealed record SoakResult(
    string RunId,
    LoadTestOptions Options,
    double RanSeconds,
    long Events,
    long Reads,
    long TrackReviews,
    long JudgeScores,
    long LinkVideos,
    long LinkDecisions,
    long Errors,
    IReadOnlyDictionary<string, long> ErrorsByOperation,
    IReadOnlyList<string> ErrorExamples,
    long UnacknowledgedBatches,
    int Mismatches,
    IReadOnlyList<string> MismatchExamples,
    IReadOnlyList<MemorySample> Memory,
    MemoryGrowth WorkingSetGrowth,
    MemoryGrowth HeapGrowth,
    IReadOnlyList<MinuteSample> Minutes,
    bool Passed);
