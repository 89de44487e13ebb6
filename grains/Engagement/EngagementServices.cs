using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Spotlight.Grains.Engagement.Alerts;
using Spotlight.Grains.Engagement.Directory;
using Spotlight.Grains.Engagement.Ingest;
using Spotlight.Grains.Engagement.Log;
using Spotlight.Grains.Engagement.Store;
using Spotlight.Domain;

namespace Spotlight.Grains.Engagement;

/// <summary>The engagement pipeline's services in a silo. The log, store and directories come from the mode:
/// <see cref="AddMemoryEngagement"/> for embedded mode, the PostgreSQL ones from the silo project.</summary>
public static class EngagementServices
{
    /// <summary>What every mode needs: settings, the title index, known videos, metrics, maintenance, and the store's alert side.</summary>
    public static IServiceCollection AddEngagementCore(this IServiceCollection services, EngagementOptions options)
    {
        services.TryAddSingleton(Options.Create(options));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TitleMatchIndex>();
        services.TryAddSingleton<KnownVideos>();
        services.TryAddSingleton<EngagementMetrics>();
        // Alerts are counted by the store's commits, so whichever store the mode has keeps them too.
        services.TryAddSingleton(sp => (IAlertStore)sp.GetRequiredService<IEngagementStore>());
        services.AddSingleton<EngagementMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<EngagementMaintenance>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, IngestAddressKeeper>();
        return services;
    }

    /// <summary>Embedded mode: log, store and directories in this process's memory. Registered only if
    /// absent, so test clusters whose silos share a process can hand every silo the same instances.</summary>
    public static IServiceCollection AddMemoryEngagement(this IServiceCollection services)
    {
        services.TryAddSingleton<IEngagementLog, MemoryEngagementLog>();
        services.TryAddSingleton<IEngagementStore, MemoryEngagementStore>();
        services.TryAddSingleton<IVideoDirectory, MemoryVideoDirectory>();
        services.TryAddSingleton<ITitleDirectory, MemoryTitleDirectory>();
        return services;
    }
}
