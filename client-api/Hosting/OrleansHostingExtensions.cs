using Orleans.Configuration;
using Orleans.Dashboard;
using Spotlight.Silo.Configuration;
using Spotlight.Silo.Hosting;

namespace Spotlight.ClientApi.Hosting;

public static class OrleansHostingExtensions
{
    /// <summary>How long the API waits for a grain call (postgres mode; see where it is set).</summary>
    public static readonly TimeSpan ClientResponseTimeout = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Embedded mode co-hosts a silo in this process (the whole system in one process). Postgres mode makes
    /// this process an Orleans client that finds the silos' gateways in the membership table.
    /// </summary>
    public static SpotlightOptions AddSpotlightOrleans(this WebApplicationBuilder builder)
    {
        var options = builder.AddSpotlightOptions();
        builder.Services.AddSingleton<GrainTypesProbe>();
        if (options.Mode == SpotlightMode.Embedded)
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
            // A request in flight through a gateway that is killed gets no answer: the client does not fail
            // it when the connection drops, so it waits out this timeout (Orleans' default, 30 s, stalled
            // callers for half a minute in the kill -9 tests). API calls take milliseconds; 10 s is ample, and
            // a timeout answers 503 with Retry-After, which clients retry under the same batch id.
            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = ClientResponseTimeout);
            // The client learns gateways from the membership table only this often (Orleans' default is a
            // minute). An API that connected while the silos were still coming up knew only the first one; when
            // that silo was killed it had no other gateway to send to and every call waited out the timeout
            // (seen in the kill -9 tests on a loaded machine). One small query per API every few seconds.
            client.Configure<GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = GatewayListRefreshPeriod);
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
