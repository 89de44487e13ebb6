using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Spotlight.Silo.Hosting;

/// <summary>
/// HTTP endpoints for an orchestrator's probes, on their own port: <c>/healthz</c> answers while the process
/// runs (liveness; it never calls a grain, so a busy or partitioned cluster cannot get healthy silos
/// restarted), <c>/readyz</c> answers 200 while this silo is Active in the cluster's membership and 503
/// otherwise (startup and readiness; it reads the silo's own view of its status, no grain call either).
/// </summary>
public sealed class SiloHealthServer(int port, IServiceProvider silo) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.ListenAnyIP(port));
        _app = builder.Build();
        var status = silo.GetRequiredService<ISiloStatusOracle>();
        _app.MapGet("/healthz", () => Results.Text("alive"));
        _app.MapGet("/readyz", () => status.CurrentStatus == SiloStatus.Active
            ? Results.Text("active")
            : Results.Text(status.CurrentStatus.ToString().ToLowerInvariant(), statusCode: StatusCodes.Status503ServiceUnavailable));
        await _app.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
