using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spotlight.Silo.Configuration;
using Spotlight.Silo.Migrations;

namespace Spotlight.Silo.Hosting;

public static class HostApplicationBuilderExtensions
{
    /// <summary>How long a silo may take to leave the cluster gracefully on SIGTERM (orchestrators' grace
    /// periods must be longer).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Validates the Spotlight section, registers it as options, and returns it. Throws
    /// <see cref="OptionsValidationException"/> naming each bad setting.</summary>
    public static SpotlightOptions AddSpotlightOptions(this IHostApplicationBuilder builder)
    {
        var options = SpotlightOptionsValidator.LoadValidated(builder.Configuration);
        builder.Services.AddSingleton<IValidateOptions<SpotlightOptions>, SpotlightOptionsValidator>();
        builder.Services.AddOptions<SpotlightOptions>()
            .Bind(builder.Configuration.GetSection(SpotlightOptions.SectionName))
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return options;
    }

    /// <summary>Hosts a Spotlight silo in this process, migrating the database first in postgres mode.</summary>
    public static SpotlightOptions AddSpotlightSilo(this IHostApplicationBuilder builder) =>
        builder.AddSpotlightSilo(builder.AddSpotlightOptions());

    /// <summary>As <see cref="AddSpotlightSilo(IHostApplicationBuilder)"/>, for options already registered
    /// with <see cref="AddSpotlightOptions"/>.</summary>
    public static SpotlightOptions AddSpotlightSilo(this IHostApplicationBuilder builder, SpotlightOptions options)
    {
        if (options.Mode == SpotlightMode.Postgres && options.Postgres.MigrateOnStart)
        {
            // The main database and every engagement shard get the same schema.
            foreach (var connectionString in MigrationTargets.Of(options.Postgres))
            {
                builder.Services.AddSingleton(sp => new MigrationRunner(connectionString, sp.GetRequiredService<ILogger<MigrationRunner>>()));
            }

            builder.Services.AddHostedService<MigrationHostedService>();
        }

        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        var dashboard = options.Dashboard ?? builder.Environment.IsDevelopment();
        if (options.Cluster.HealthPort != 0)
        {
            // Registered before the silo, so it starts first and stops last: probes get answers (503 from
            // /readyz) while the silo joins and while it leaves.
            builder.Services.AddHostedService(sp => new SiloHealthServer(options.Cluster.HealthPort, sp));
        }

        builder.UseOrleans(silo => silo.AddSpotlightSilo(options, dashboard));
        return options;
    }
}
