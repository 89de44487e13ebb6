using Microsoft.Extensions.Hosting;

namespace Spotlight.Silo.Migrations;

/// <summary>Migrates before the silo starts; registered ahead of Orleans so that hosted services, which
/// start in registration order, bring the schema up before clustering reads it.</summary>
internal sealed class MigrationHostedService(MigrationRunner runner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        runner.ApplyAsync(MigrationCatalog.Load(), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
