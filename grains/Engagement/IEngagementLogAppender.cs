using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Engagement;

/// <summary>A durable engagement log the silo may provide (postgres mode): appending a slice commits it
/// once per batch id. Without one, batches travel through their batch grains and memory streams.</summary>
public interface IEngagementLogAppender
{
    /// <summary>Appends the slice; true when its batch id was appended before (nothing is added then).</summary>
    Task<bool> AppendAsync(EngagementSlice slice, CancellationToken cancellationToken);
}
