using Spotlight.Grains.Engagement;
using Spotlight.Domain;

namespace Spotlight.Silo.Configuration;

/// <summary>The <c>Spotlight</c> configuration section: one place for every setting of the system.</summary>
public sealed class SpotlightOptions
{
    public const string SectionName = "Spotlight";

    /// <summary><c>embedded</c> (default): everything in memory on localhost. <c>postgres</c>: cluster
    /// membership, grain state and reminders in PostgreSQL. Bound from its name, in any case.</summary>
    public SpotlightMode Mode { get; set; } = SpotlightMode.Embedded;

    public PostgresSettings Postgres { get; set; } = new();

    public ClusterSettings Cluster { get; set; } = new();

    /// <summary>The engagement log's layout and retention (<c>Spotlight:Engagement</c>).</summary>
    public EngagementOptions Engagement { get; set; } = new();

    /// <summary>Whether the Orleans dashboard is served at /dashboard. Unset: on in Development only.</summary>
    public bool? Dashboard { get; set; }
}

public sealed class PostgresSettings
{
    /// <summary>Npgsql connection string; required in postgres mode.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply schema migrations when a silo starts (default true). Off when a separate job migrates.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>The engagement databases (<c>Spotlight:Postgres:EngagementShards</c>): a list of connection strings
    /// (<c>EngagementShards:0</c>, <c>:1</c>, …) or names mapped to them (<c>EngagementShards:eu1</c>). Each log partition
    /// lives on one of them with its log, batch ids, checkpoint and counters (<see cref="Engagement.EngagementShards"/>).
    /// Empty (default): engagement lives in <see cref="ConnectionString"/>'s database, as everything else does.</summary>
    public Dictionary<string, string> EngagementShards { get; set; } = new(StringComparer.Ordinal);
}

public sealed class ClusterSettings
{
    /// <summary>Silos with the same cluster id form one cluster (a deployment).</summary>
    public string ClusterId { get; set; } = "spotlight";

    /// <summary>Grain state and reminders belong to the service id; it stays the same across deployments.</summary>
    public string ServiceId { get; set; } = "spotlight";

    /// <summary>Port for silo-to-silo traffic.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port where clients (the API in postgres mode) connect.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos and clients use to reach this silo. Unset: loopback in embedded mode,
    /// the host's first address in postgres mode.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>This silo's name in membership (on Kubernetes: the pod name). Unset: Orleans' default.</summary>
    public string? SiloName { get; set; }

    /// <summary>Port of the silo's HTTP health endpoints (<c>/healthz</c>, <c>/readyz</c>) for orchestrators'
    /// probes; 0 (default): none.</summary>
    public int HealthPort { get; set; }
}
