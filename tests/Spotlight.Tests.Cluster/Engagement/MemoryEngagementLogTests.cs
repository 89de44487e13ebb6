using Microsoft.Extensions.Options;
using Spotlight.Grains.Engagement;
using Spotlight.Grains.Engagement.Log;
using Spotlight.Domain;

namespace Spotlight.Tests.Cluster.Engagement;

public sealed class MemoryEngagementLogTests : EngagementLogContract
{
    protected override Task<IEngagementLog> CreateLogAsync(EngagementOptions? options = null) =>
        Task.FromResult<IEngagementLog>(new MemoryEngagementLog(Microsoft.Extensions.Options.Options.Create(options ?? Options), TimeProvider.System));
}
