using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Spotlight.Silo.Hosting;

namespace Spotlight.Silo;

/// <summary>The silo process: <c>migrate</c> applies the schema and exits; otherwise it runs a silo until
/// SIGTERM, when it leaves the cluster gracefully.</summary>
public static class SiloProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == MigrateCommand.Name)
        {
            return await MigrateCommand.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == MovePartitionCommand.Name)
        {
            return await MovePartitionCommand.RunAsync(args[1..]);
        }

        try
        {
            var builder = Host.CreateApplicationBuilder(args);
            builder.AddSpotlightSilo();
            using var host = builder.Build();
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            try
            {
                await host.RunAsync();
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // SIGTERM before the silo was up (a rollout that changed its mind, a scale-down): starting is
                // abandoned, and that is a clean stop, not a crash.
                await Console.Error.WriteLineAsync("Spotlight silo stopped while starting (asked to stop before it joined the cluster).");
            }

            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"Spotlight silo cannot start: {string.Join(" ", ex.Failures)}");
            return 2;
        }
        catch (NpgsqlException ex)
        {
            await Console.Error.WriteLineAsync($"Spotlight silo cannot start: PostgreSQL (Spotlight:Postgres:ConnectionString) did not answer: {ex.Message}");
            return 3;
        }
        catch (Exception ex) when (ex is IOException or Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Kestrel reports a taken health port as an IOException; Orleans a taken silo or gateway port as AddressInUseException.
            await Console.Error.WriteLineAsync($"Spotlight silo cannot start: a port it must listen on (Spotlight:Cluster:SiloPort, GatewayPort, HealthPort) is not available: {ex.Message}");
            return 4;
        }
    }
}
