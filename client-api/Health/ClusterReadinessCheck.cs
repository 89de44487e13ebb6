using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Spotlight.ClientApi.Health;

/// <summary>Ready when the cluster answers a call and reports at least one active silo.</summary>
public sealed class ClusterReadinessCheck(IClusterClient client) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
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
