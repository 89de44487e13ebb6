using Orleans.Configuration;
using Orleans.Dashboard;
using Spotlight.Silo.Configuration;
using Spotlight.Silo.Hosting;

namespace Spotlight.ClientApi.Hosting;

public static class OrleansHostingExtensions
{
    /// <summary>
    /// Embedded mode co-hosts a silo in this process (the whole system in one process). Postgres mode makes
    /// this process an Orleans client that finds the silos' gateways in the membership table.
    /// </summary>
    public static SpotlightOptions AddSpotlightOrleans(this WebApplicationBuilder builder)
    {
        var options = builder.AddSpotlightOptions();
        if (options.ParsedMode == SpotlightMode.Embedded)
        {
            builder.Services.AddSingleton(new ClusterConnection(connected: true));
            return builder.AddSpotlightSilo(options);
        }

        var connection = new ClusterConnection(connected: false);
        builder.Services.AddSingleton(connection);
        builder.Services.AddSingleton<IClusterConnectionStatusObserver>(connection);

        var dashboard = DashboardEnabled(options, builder.Environment);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = options.Cluster.ClusterId;
                cluster.ServiceId = options.Cluster.ServiceId;
            });
            client.UseAdoNetClustering(adoNet =>
            {
                adoNet.Invariant = ProviderNames.NpgsqlInvariant;
                adoNet.ConnectionString = options.Postgres.ConnectionString;
            });
            // The API may start before any silo: keep trying rather than failing start-up; /readyz says
            // "not ready" meanwhile.
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                return !cancellationToken.IsCancellationRequested;
            });
            if (dashboard)
            {
                client.AddDashboard();
            }
        });
        // Let the web server answer /healthz while the client is still looking for a gateway.
        builder.Services.Configure<HostOptions>(host => host.ServicesStartConcurrently = true);
        return options;
    }

    public static bool DashboardEnabled(SpotlightOptions options, IHostEnvironment environment) =>
        options.Dashboard ?? environment.IsDevelopment();
}
