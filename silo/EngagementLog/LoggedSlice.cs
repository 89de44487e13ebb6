using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Silo.EngagementLog;

/// <summary>A slice as stored in the log, with its place there.</summary>
public sealed record LoggedSlice(int Partition, long Offset, EngagementSlice Slice);

/// <summary>The outcome of appending a batch: where it went, or that its id was taken before.</summary>
public sealed record AppendResult(bool Duplicate, int Partition, long Offset);
