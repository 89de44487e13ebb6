using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Spotlight.Silo.Configuration;
using Spotlight.Silo.Hosting;

namespace Spotlight.Tests.Cluster.Embedded;

/// <summary>Two in-process silos with embedded-mode storage (memory), shared by a test class.</summary>
public sealed class EmbeddedClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) => host.Services.AddSingleton(TimeProvider.System));
        builder.ConfigureSilo((_, silo) => silo.AddSpotlightStorage(new SpotlightOptions()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
