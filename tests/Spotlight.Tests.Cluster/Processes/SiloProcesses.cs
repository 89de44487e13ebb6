using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Spotlight.Tests.Cluster.Postgres;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Processes;

/// <summary>Real silo processes started from the silo project's build output.</summary>
public static class SiloProcesses
{
    public static string SiloAssembly => RepositoryLayout.BuiltAssembly("silo", "Spotlight.Silo");

    public static string ApiAssembly => RepositoryLayout.BuiltAssembly("client-api", "Spotlight.ClientApi");

    public sealed record RunningSilo(HostProcess Process, int SiloPort, int GatewayPort);

    public static RunningSilo StartPostgresSilo(string connectionString, string name, params (string Key, string Value)[] extra)
    {
        var ports = FreePorts.Take(2);
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in PostgresSilos.Settings(connectionString, ports[0], ports[1]))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return new RunningSilo(HostProcess.Start(SiloAssembly, [], environment, name), ports[0], ports[1]);
    }

    /// <summary>A client that knows only this one gateway, to prove that gateway serves calls.</summary>
    public static async Task<IHost> StartClientThroughGatewayAsync(int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = PostgresSilos.ClusterId;
                cluster.ServiceId = PostgresSilos.ClusterId;
            });
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gatewayPort));
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
