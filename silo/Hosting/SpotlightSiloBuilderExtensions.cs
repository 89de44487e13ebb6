using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Streams;
using Spotlight.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Spotlight.Grains.Engagement;
using Spotlight.Grains.Engagement.Directory;
using Spotlight.Grains.Engagement.Log;
using Spotlight.Grains.Engagement.Store;
using Spotlight.Silo.Engagement;
using Spotlight.Silo.Engagement.Shards;
using Spotlight.Silo.Engagement.Streaming;
using Spotlight.Silo.Configuration;
using Spotlight.Domain;

namespace Spotlight.Silo.Hosting;

/// <summary>The silo's shape for each mode, in pieces so that test clusters can take what they need.</summary>
public static class SpotlightSiloBuilderExtensions
{
    /// <summary>Cluster and service id of every embedded-mode system.</summary>
    public const string EmbeddedClusterId = "spotlight-embedded";

    /// <summary>Everything a Spotlight silo needs: identity, endpoints, membership, storage, reminders.</summary>
    public static ISiloBuilder AddSpotlightSilo(this ISiloBuilder silo, SpotlightOptions options, bool dashboard)
    {
        silo.Configure<ClusterOptions>(cluster =>
        {
            // An embedded system is one process; its own ids keep a postgres-mode client on the same
            // machine from joining it by mistake through a shared gateway port.
            var embedded = options.Mode == SpotlightMode.Embedded;
            cluster.ClusterId = embedded ? EmbeddedClusterId : options.Cluster.ClusterId;
            cluster.ServiceId = embedded ? EmbeddedClusterId : options.Cluster.ServiceId;
        });
        if (options.Cluster.SiloName is { Length: > 0 } name)
        {
            silo.Configure<SiloOptions>(silo => silo.SiloName = name);
        }

        silo.UseSpotlightEndpoints(options);
        silo.UseSpotlightMembership(options);
        silo.AddSpotlightStorage(options);
        if (dashboard)
        {
            silo.AddDashboard();
        }

        return silo;
    }

    public static ISiloBuilder UseSpotlightEndpoints(this ISiloBuilder silo, SpotlightOptions options)
    {
        var cluster = options.Cluster;
        if (options.Mode == SpotlightMode.Embedded)
        {
            var address = cluster.AdvertisedAddress is { } text ? IPAddress.Parse(text) : IPAddress.Loopback;
            return silo.ConfigureEndpoints(address, cluster.SiloPort, cluster.GatewayPort);
        }

        // In a cluster, peers on other hosts must reach this silo, so listen on every interface.
        return cluster.AdvertisedAddress is { } advertised
            ? silo.ConfigureEndpoints(IPAddress.Parse(advertised), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true)
            : silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, AddressFamily.InterNetwork, listenOnAnyHostAddress: true);
    }

    public static ISiloBuilder UseSpotlightMembership(this ISiloBuilder silo, SpotlightOptions options)
    {
        if (options.Mode == SpotlightMode.Embedded)
        {
            // A single silo that is its own primary: the development membership, no table anywhere.
            var cluster = options.Cluster;
            var address = cluster.AdvertisedAddress is { } text ? IPAddress.Parse(text) : IPAddress.Loopback;
            return silo.UseDevelopmentClustering(new IPEndPoint(address, cluster.SiloPort));
        }

        return silo.UseAdoNetClustering(adoNet =>
        {
            adoNet.Invariant = ProviderNames.NpgsqlInvariant;
            adoNet.ConnectionString = options.Postgres.ConnectionString;
        });
    }

    public static ISiloBuilder AddSpotlightStorage(this ISiloBuilder silo, SpotlightOptions options)
    {
        // Grain state as System.Text.Json: readable in the database, tolerant of added members, and it
        // round-trips our immutable records through their constructors. Embedded mode uses it too, so the
        // in-memory test clusters exercise the same state round-trip as PostgreSQL.
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.AddEngagementCore(options.Engagement);
        if (options.Mode == SpotlightMode.Embedded)
        {
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.UseInMemoryReminderService();
            silo.Services.AddMemoryEngagement();
            AddEngagementStreams(silo, options.Engagement, EngagementOptions.EmbeddedPollInterval);
            return silo;
        }

        var connectionString = options.Postgres.ConnectionString;
        silo.AddAdoNetGrainStorage(StorageNames.Default, storage =>
        {
            storage.Invariant = ProviderNames.NpgsqlInvariant;
            storage.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = ProviderNames.NpgsqlInvariant;
            reminders.ConnectionString = connectionString;
        });
        // The engagement log, store and directories in PostgreSQL: a 202 stands on the log's commit, counts on
        // the projectors' commits.
        silo.Services.AddSingleton(_ => EngagementDataSource.Create(connectionString!));
        silo.Services.AddSingleton<IVideoDirectory, PostgresVideoDirectory>();
        silo.Services.AddSingleton<ITitleDirectory, PostgresTitleDirectory>();
        var shards = EngagementShardList.From(options.Postgres);
        var map = new EngagementShardMap([.. shards.Select(s => s.Name)], options.Engagement.Partitions);
        silo.Services.AddSingleton(map);
        silo.Services.AddHostedService(services => new EngagementShardMapCheck(connectionString!, map, services.GetRequiredService<ILogger<EngagementShardMapCheck>>()));
        if (!EngagementShardList.IsSharded(options.Postgres))
        {
            silo.Services.AddSingleton<PostgresEngagementLog>();
            silo.Services.AddSingleton<IEngagementLog>(services => services.GetRequiredService<PostgresEngagementLog>());
            silo.Services.AddSingleton<IEngagementStore, PostgresEngagementStore>();
            silo.Services.AddHostedService<EngagementLayout>();
        }
        else
        {
            // Each partition's log, batch ids, checkpoint and counters in its own database (docs/operations.md
            // "Engagement shards"); membership, reminders, grain state and the directories stay in the main one.
            silo.Services.AddSingleton(services => new EngagementShardSet(map, shards, services.GetRequiredService<IOptions<EngagementOptions>>(),
                services.GetRequiredService<EngagementMetrics>(), services.GetRequiredService<ILoggerFactory>()));
            silo.Services.AddHostedService(services => services.GetRequiredService<EngagementShardSet>());
            silo.Services.AddSingleton(services => services.GetRequiredService<EngagementShardSet>().Health);
            silo.Services.AddSingleton<IEngagementLog>(services =>
            {
                var set = services.GetRequiredService<EngagementShardSet>();
                return new ShardedEngagementLog(map, set.Logs, set.Health, services.GetRequiredService<ILogger<ShardedEngagementLog>>());
            });
            silo.Services.AddSingleton<IEngagementStore>(services =>
            {
                var set = services.GetRequiredService<EngagementShardSet>();
                return new ShardedEngagementStore(map, set.Stores);
            });
        }

        AddEngagementStreams(silo, options.Engagement, EngagementOptions.PostgresPollInterval);
        return silo;
    }

    /// <summary>
    /// The engagement log's partitions as persistent streams, the same in both modes: one queue per partition
    /// on the consistent ring (so partitions move to the survivors when a silo leaves), read by pulling agents
    /// into each partition's projector, up to <see cref="EngagementOptions.EntriesPerDelivery"/> entries a
    /// delivery. The projector subscribes implicitly, so streams need no pub-sub rendezvous grains and no
    /// subscription state in storage.
    /// </summary>
    private static void AddEngagementStreams(ISiloBuilder silo, EngagementOptions engagement, TimeSpan defaultPollInterval) =>
        silo.AddPersistentStreams(EngagementPartitions.ProviderName, LogQueueAdapterFactory.Create, streams =>
        {
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            streams.ConfigurePullingAgent(agent => agent.Configure(o =>
            {
                o.BatchContainerBatchSize = engagement.EntriesPerDelivery;
                o.GetQueueMsgsTimerPeriod = engagement.PollInterval ?? defaultPollInterval;
            }));
        });
}
