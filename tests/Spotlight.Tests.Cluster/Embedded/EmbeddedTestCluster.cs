using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Spotlight.Grains.Engagement.Directory;
using Spotlight.Grains.Engagement.Log;
using Spotlight.Grains.Engagement.Store;
using Spotlight.Silo.Configuration;
using Spotlight.Silo.Hosting;

namespace Spotlight.Tests.Cluster.Embedded;

/// <summary>
/// In-process silos with embedded-mode storage. They share one engagement log, store and set of
/// directories, as the silos of a real cluster share one database: any silo may take any partition's
/// deliveries, and a video registered through one silo is known to the others.
/// </summary>
public static class EmbeddedTestCluster
{
    public static async Task<InProcessTestCluster> StartAsync(int silos)
    {
        var spotlight = new SpotlightOptions();
        var engagement = Microsoft.Extensions.Options.Options.Create(spotlight.Engagement);
        var log = new MemoryEngagementLog(engagement, TimeProvider.System);
        var store = new MemoryEngagementStore(engagement);
        var videos = new MemoryVideoDirectory();
        var titles = new MemoryTitleDirectory();

        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ConfigureFileLogging = false;
        // Registered before the silo's own services, which add the memory ones only if absent.
        builder.ConfigureSiloHost((_, host) => host.Services
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IEngagementLog>(log)
            .AddSingleton<IEngagementStore>(store)
            .AddSingleton<IVideoDirectory>(videos)
            .AddSingleton<ITitleDirectory>(titles));
        builder.ConfigureSilo((_, silo) => silo.AddSpotlightStorage(spotlight));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
