using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;
using Spotlight.Grains.Engagement;
using Spotlight.Domain;

namespace Spotlight.Silo.Configuration;

/// <summary>Checks the Spotlight section; every message names the setting to fix.</summary>
public sealed class SpotlightOptionsValidator : IValidateOptions<SpotlightOptions>
{
    public ValidateOptionsResult Validate(string? name, SpotlightOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add(ModeFailure(options.Mode.ToString()));
        }
        else if (options.Mode == SpotlightMode.Postgres)
        {
            ValidateConnectionString(options.Postgres.ConnectionString, failures);
            ValidateShards(options.Postgres, options.Engagement.Partitions, failures);
        }

        var cluster = options.Cluster;
        if (string.IsNullOrWhiteSpace(cluster.ClusterId))
        {
            failures.Add("Spotlight:Cluster:ClusterId must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(cluster.ServiceId))
        {
            failures.Add("Spotlight:Cluster:ServiceId must not be empty.");
        }

        ValidatePort("Spotlight:Cluster:SiloPort", cluster.SiloPort, failures);
        ValidatePort("Spotlight:Cluster:GatewayPort", cluster.GatewayPort, failures);
        if (cluster.SiloPort == cluster.GatewayPort)
        {
            failures.Add("Spotlight:Cluster:SiloPort and Spotlight:Cluster:GatewayPort must differ.");
        }

        if (cluster.HealthPort != 0)
        {
            ValidatePort("Spotlight:Cluster:HealthPort", cluster.HealthPort, failures);
            if (cluster.HealthPort == cluster.SiloPort || cluster.HealthPort == cluster.GatewayPort)
            {
                failures.Add("Spotlight:Cluster:HealthPort must differ from the silo and gateway ports.");
            }
        }

        if (cluster.AdvertisedAddress is { } address && !IPAddress.TryParse(address, out _))
        {
            failures.Add($"Spotlight:Cluster:AdvertisedAddress must be an IP address, not '{address}'.");
        }

        ValidateEngagement(options.Engagement, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Binds the section and throws when it is invalid: the silo's shape depends on the mode,
    /// so it must be known before the host is built.</summary>
    public static SpotlightOptions LoadValidated(IConfiguration configuration)
    {
        // The binder would turn a wrong mode into an exception that names a type, or take a number for it;
        // the raw value is checked first so the message names the setting and the two words it accepts.
        var section = configuration.GetSection(SpotlightOptions.SectionName);
        if (section[nameof(SpotlightOptions.Mode)] is { } mode && !SpotlightModeNames.TryParse(mode, out _))
        {
            throw new OptionsValidationException(SpotlightOptions.SectionName, typeof(SpotlightOptions), [ModeFailure(mode)]);
        }

        var options = new SpotlightOptions();
        section.Bind(options);
        var result = new SpotlightOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(SpotlightOptions.SectionName, typeof(SpotlightOptions), result.Failures);
        }

        return options;
    }

    private static string ModeFailure(string value) =>
        $"Spotlight:Mode must be '{SpotlightModeNames.Embedded}' or '{SpotlightModeNames.Postgres}', not '{value}'.";

    private static void ValidateShards(PostgresSettings postgres, int partitions, List<string> failures)
    {
        foreach (var (key, connectionString) in postgres.EngagementShards)
        {
            var setting = $"Spotlight:Postgres:EngagementShards:{key}";
            if (key.Length is 0 or > 63 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                failures.Add($"{setting}: a shard's name must be 1–63 letters, digits, '-' or '_'.");
            }

            if (string.IsNullOrWhiteSpace(connectionString))
            {
                failures.Add($"{setting} must be a connection string.");
                continue;
            }

            try
            {
                _ = new NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"{setting} is not a valid Npgsql connection string: {ex.Message}");
            }
        }

        if (postgres.EngagementShards.Count > partitions)
        {
            failures.Add($"Spotlight:Postgres:EngagementShards lists {postgres.EngagementShards.Count} databases, more than the {partitions} partitions of Spotlight:Engagement:Partitions: a shard holds whole partitions.");
        }
    }

    private static void ValidateConnectionString(string? connectionString, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            failures.Add("Spotlight:Postgres:ConnectionString is required when Spotlight:Mode is 'postgres'.");
            return;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            failures.Add($"Spotlight:Postgres:ConnectionString is not a valid Npgsql connection string: {ex.Message}");
        }
    }

    private static void ValidateEngagement(EngagementOptions engagement, List<string> failures)
    {
        const string Section = "Spotlight:Engagement:";
        if (engagement.Partitions is < 1 or > 1024)
        {
            failures.Add($"{Section}Partitions must be from 1 to 1024, not {engagement.Partitions}.");
        }

        AtLeast(Section + "LogRetention", engagement.LogRetention, TimeSpan.FromMinutes(1), failures);
        AtLeast(Section + "LogSegment", engagement.LogSegment, TimeSpan.FromMinutes(1), failures);
        AtLeast(Section + "DedupeWindow", engagement.DedupeWindow, TimeSpan.FromMinutes(1), failures);
        AtLeast(Section + "ClaimSegment", engagement.ClaimSegment, TimeSpan.FromMinutes(1), failures);
        AtLeast(Section + "MaintenanceInterval", engagement.MaintenanceInterval, TimeSpan.FromSeconds(1), failures);
        AtLeast(Section + "MinuteRollupAge", engagement.MinuteRollupAge, TimeSpan.Zero, failures);
        AtLeast(Section + "HourRollupAge", engagement.HourRollupAge, engagement.MinuteRollupAge, failures);
        if (engagement.PollInterval is { } poll && (poll < TimeSpan.FromMilliseconds(1) || poll > TimeSpan.FromSeconds(10)))
        {
            failures.Add($"{Section}PollInterval must be from 1 ms to 10 s, not {engagement.PollInterval}.");
        }

        if (engagement.AppendFlushInterval < TimeSpan.Zero || engagement.AppendFlushInterval > TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Section}AppendFlushInterval must be from 0 to 1 s, not {engagement.AppendFlushInterval}.");
        }

        if (engagement.EntriesPerDelivery is < 1 or > 10_000)
        {
            failures.Add($"{Section}EntriesPerDelivery must be from 1 to 10000, not {engagement.EntriesPerDelivery}.");
        }

        // Held minutes are rebuilt from the log after a restart, so they must be written long before it is pruned.
        if (engagement.VideoMinuteWriteInterval < TimeSpan.Zero || engagement.VideoMinuteWriteInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Section}VideoMinuteWriteInterval must be from 0 to 10 minutes, not {engagement.VideoMinuteWriteInterval}.");
        }

        if (engagement.VideoMinuteWriteLimit is < 1 or > 10_000_000)
        {
            failures.Add($"{Section}VideoMinuteWriteLimit must be from 1 to 10000000, not {engagement.VideoMinuteWriteLimit}.");
        }

        if (engagement.TopListCapacity is < 10 or > 100_000)
        {
            failures.Add($"{Section}TopListCapacity must be from 10 to 100000, not {engagement.TopListCapacity}.");
        }
    }

    private static void AtLeast(string setting, TimeSpan value, TimeSpan minimum, List<string> failures)
    {
        if (value < minimum)
        {
            failures.Add($"{setting} must be at least {minimum}, not {value}.");
        }
    }

    private static void ValidatePort(string setting, int port, List<string> failures)
    {
        if (port is < 1 or > 65535)
        {
            failures.Add($"{setting} must be a TCP port from 1 to 65535, not {port}.");
        }
    }
}
