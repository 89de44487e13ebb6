using Microsoft.Extensions.Diagnostics.HealthChecks;
using Spotlight.ClientApi.Hosting;

namespace Spotlight.ClientApi.Health;

/// <summary>Ready when the client knows the cluster's grain types, and the cluster answers a call and reports
/// at least one active silo.</summary>
public sealed class ClusterReadinessCheck(IClusterClient client, GrainTypesProbe grainTypes) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!grainTypes.Known())
        {
            return HealthCheckResult.Unhealthy("The API does not know the cluster's grain types yet (no silo manifest received).");
        }

        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0)
                .GetHosts(onlyActive: true)
                .WaitAsync(Timeout, cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("The cluster reports no active silo.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster did not answer.", ex);
        }
    }
}
