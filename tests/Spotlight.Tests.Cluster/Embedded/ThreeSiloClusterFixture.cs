using Orleans.TestingHost;

namespace Spotlight.Tests.Cluster.Embedded;

/// <summary>Three in-process silos with embedded-mode storage and streams.</summary>
public sealed class ThreeSiloClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await EmbeddedTestCluster.StartAsync(3);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
