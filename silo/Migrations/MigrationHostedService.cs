using Microsoft.Extensions.Hosting;

namespace Spotlight.Silo.Migrations;

/// <summary>Migrates before the silo starts; registered ahead of Orleans so that hosted services, which
/// start in registration order, bring the schema up before clustering reads it. One runner per database
/// (the main one, then each engagement shard).</summary>
internal sealed class MigrationHostedService(IEnumerable<MigrationRunner> runners) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var runner in runners)
        {
            await runner.ApplyAsync(MigrationCatalog.Load(), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
