using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Spotlight.Silo.Hosting;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

/// <summary>In-process silos and clients in postgres mode, built by the same code path the silo process
/// uses (<see cref="HostApplicationBuilderExtensions.AddSpotlightSilo"/>): migrations, ADO.NET
/// clustering, storage and reminders.</summary>
public static class PostgresSilos
{
    public const string ClusterId = "spotlight-tests";

    public static Dictionary<string, string?> Settings(string connectionString, int siloPort, int gatewayPort) => new()
    {
        ["Spotlight:Mode"] = "postgres",
        ["Spotlight:Postgres:ConnectionString"] = connectionString,
        ["Spotlight:Cluster:ClusterId"] = ClusterId,
        ["Spotlight:Cluster:ServiceId"] = ClusterId,
        ["Spotlight:Cluster:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
        ["Spotlight:Cluster:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        ["Spotlight:Cluster:AdvertisedAddress"] = "127.0.0.1",
    };

    public static async Task<IHost> StartSiloAsync(string connectionString, Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var ports = FreePorts.Take(2);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Production,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(Settings(connectionString, ports[0], ports[1]));
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddSpotlightSilo();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static async Task<IHost> StartClientAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = ClusterId;
                cluster.ServiceId = ClusterId;
            });
            client.UseAdoNetClustering(adoNet =>
            {
                adoNet.Invariant = ProviderNames.NpgsqlInvariant;
                adoNet.ConnectionString = connectionString;
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static IClusterClient Client(this IHost host) => host.Services.GetRequiredService<IClusterClient>();

    public static async Task StopAsync(params IHost[] hosts)
    {
        foreach (var host in hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
