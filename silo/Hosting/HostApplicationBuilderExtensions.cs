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
        if (options.ParsedMode == SpotlightMode.Postgres && options.Postgres.MigrateOnStart)
        {
            builder.Services.AddSingleton(sp => new MigrationRunner(
                options.Postgres.ConnectionString!, sp.GetRequiredService<ILogger<MigrationRunner>>()));
            builder.Services.AddHostedService<MigrationHostedService>();
        }

        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
        var dashboard = options.Dashboard ?? builder.Environment.IsDevelopment();
        builder.UseOrleans(silo => silo.AddSpotlightSilo(options, dashboard));
        return options;
    }
}
