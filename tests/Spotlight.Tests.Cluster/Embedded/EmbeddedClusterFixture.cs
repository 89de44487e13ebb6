using Orleans.TestingHost;

namespace Spotlight.Tests.Cluster.Embedded;

/// <summary>Two in-process silos with embedded-mode storage (memory), shared by a test class.</summary>
public sealed class EmbeddedClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync() => Cluster = await EmbeddedTestCluster.StartAsync(2);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
