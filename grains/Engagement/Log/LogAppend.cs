using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Engagement.Log;

/// <summary>A batch ready for the log: one payload per partition it touches, and the answer to remember
/// under its id (a batch whose events were all rejected has no slices but still claims its id).</summary>
public sealed record LogAppend(string BatchId, IReadOnlyList<LogSlice> Slices, IngestOutcome Outcome);

/// <summary>The events of a batch that belong to one partition, encoded by <see cref="Payload.SliceBuilder"/>.</summary>
public sealed record LogSlice(int Partition, int Events, byte[] Payload);
