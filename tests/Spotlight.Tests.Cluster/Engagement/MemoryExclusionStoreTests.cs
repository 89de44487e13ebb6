using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Tests.Cluster.Engagement;

public sealed class MemoryExclusionStoreTests : ExclusionStoreContract
{
    protected override Task<IEngagementStore> CreateStoreAsync() =>
        Task.FromResult<IEngagementStore>(new MemoryEngagementStore(Microsoft.Extensions.Options.Options.Create(EngagementStoreContract.Options)));

    protected override IEngagementStore AnotherSilosStore(IEngagementStore store) => store;
}
