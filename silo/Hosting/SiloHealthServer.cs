using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Orleans.Runtime;
using Spotlight.Silo.Diagnostics;

namespace Spotlight.Silo.Hosting;

/// <summary>
/// HTTP endpoints for an orchestrator's probes, on their own port: <c>/healthz</c> answers while the process
/// runs (liveness; it never calls a grain, so a busy or partitioned cluster cannot get healthy silos
/// restarted), <c>/readyz</c> answers 200 once the silo has fully started and while it is Active in the
/// cluster's membership, 503 otherwise (startup and readiness; it reads the silo's own view of its status
/// and the host's lifetime, no grain call either). <c>/metrics</c> serves the process's meters (Orleans',
/// Spotlight's engagement pipeline, the runtime's) for Prometheus: meters are process-wide, so this small
/// application's own meter provider sees the silo's instruments. In Development, <c>POST /retained-memory</c>
/// reports what the silo retains after a full collection (<see cref="RetainedMemoryProbe"/>), for the soak.
/// </summary>
public sealed class SiloHealthServer(int port, IServiceProvider silo) : IHostedService, IAsyncDisposable
{
    public const string RetainedMemoryRoute = "/retained-memory";

    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.ListenAnyIP(port));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SiloTelemetry.Meters)
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        _app = builder.Build();
        var status = silo.GetRequiredService<ISiloStatusOracle>();
        var lifetime = silo.GetRequiredService<IHostApplicationLifetime>();
        _app.MapGet("/healthz", () => Results.Text("alive"));
        _app.MapPrometheusScrapingEndpoint("/metrics");
        if (silo.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            _app.MapPost(RetainedMemoryRoute, RetainedMemoryProbe.Measure);
        }

        // Orleans reports Active before its last start-up stages (stream providers) have run; the host's
        // ApplicationStarted comes after all of them, so ready means both.
        _app.MapGet("/readyz", () => status.CurrentStatus == SiloStatus.Active && lifetime.ApplicationStarted.IsCancellationRequested
            && !lifetime.ApplicationStopping.IsCancellationRequested
            ? Results.Text("active")
            : Results.Text(status.CurrentStatus == SiloStatus.Active ? "starting" : status.CurrentStatus.ToString().ToLowerInvariant(),
                statusCode: StatusCodes.Status503ServiceUnavailable));
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
