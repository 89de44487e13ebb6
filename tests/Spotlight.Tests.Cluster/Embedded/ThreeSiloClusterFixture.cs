using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Spotlight.Silo.Configuration;
using Spotlight.Silo.Hosting;

namespace Spotlight.Tests.Cluster.Embedded;

/// <summary>Three in-process silos with embedded-mode storage and streams.</summary>
public sealed class ThreeSiloClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) => host.Services.AddSingleton(TimeProvider.System));
        builder.ConfigureSilo((_, silo) => silo.AddSpotlightStorage(new SpotlightOptions()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
