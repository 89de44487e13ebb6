using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Streams;
using Spotlight.Grains;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spotlight.Grains.Engagement;
using Spotlight.Silo.EngagementLog;
using Spotlight.Silo.EngagementLog.Streaming;
using Spotlight.Silo.Configuration;

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
            var embedded = options.ParsedMode == SpotlightMode.Embedded;
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
        if (options.ParsedMode == SpotlightMode.Embedded)
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
        if (options.ParsedMode == SpotlightMode.Embedded)
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
        if (options.ParsedMode == SpotlightMode.Embedded)
        {
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.UseInMemoryReminderService();
            AddEngagementStreams(silo);
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
        // The engagement stream is the durable PostgreSQL log: publishing commits the slice, so a 202 stands.
        silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString!));
        silo.Services.AddSingleton<PostgresEngagementLog>();
        silo.Services.AddSingleton<IEngagementLogAppender>(services => services.GetRequiredService<PostgresEngagementLog>());
        // Partitions are spread over the silos by the consistent ring and move when one dies or leaves.
        silo.AddPersistentStreams(EngagementStreams.ProviderName, LogQueueAdapterFactory.Create, ConfigureEngagementDelivery);
        return silo;
    }

    /// <summary>
    /// Delivery shared by both engagement stream providers. Consumers subscribe implicitly, so streams need
    /// no pub-sub rendezvous grains: no grain call per new stream and no subscription state in storage (that
    /// state did not survive the System.Text.Json grain-storage serializer: after a full restart, a
    /// partition whose rendezvous state had been written could not be delivered). Consumers take up to
    /// <see cref="EngagementStreams.SlicesPerDelivery"/> slices at once.
    /// </summary>
    private static void ConfigureEngagementDelivery(ISiloPersistentStreamConfigurator streams)
    {
        streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        streams.ConfigurePullingAgent(agent => agent.Configure(o => o.BatchContainerBatchSize = EngagementStreams.SlicesPerDelivery));
    }

    /// <summary>
    /// Memory streams, one queue per engagement partition. Their sequence numbers start from the clock at each
    /// queue activation and grow by one per event, so positions only ever grow, which the consumers'
    /// exactly-once bookkeeping relies on. Delivered events stay in the stream cache until they are two
    /// minutes older than the newest: Orleans' default of 30 minutes holds the last half hour of events in
    /// memory, which made the process grow for that long under steady load (the soak, docs/benchmarks.md). The
    /// cache applies no back-pressure, so a consumer more than two minutes behind would miss events; the
    /// projectors keep up within a second under the load benchmark, and embedded mode promises no durability.
    /// </summary>
    private static void AddEngagementStreams(ISiloBuilder silo) =>
        silo.AddMemoryStreams(EngagementStreams.ProviderName, streams =>
        {
            streams.ConfigurePartitioning(EngagementStreams.Partitions);
            streams.ConfigureCacheEviction(eviction => eviction.Configure(o =>
            {
                o.DataMinTimeInCache = TimeSpan.FromMinutes(1);
                o.DataMaxAgeInCache = TimeSpan.FromMinutes(2);
            }));
            ConfigureEngagementDelivery(streams);
        });
}
