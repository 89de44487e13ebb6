using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Spotlight.GrainInterfaces.Artists;
using Spotlight.Tests.Cluster.Embedded;
using Spotlight.Tests.Cluster.Probes;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

[Collection(PostgresCollection.Name)]
public class PostgresPersistenceTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ArtistState_SurvivesAFullSiloRestart()
    {
        var database = await postgres.CreateDatabaseAsync();
        var artistId = Guid.NewGuid().ToString("N");
        var silo = await PostgresSilos.StartSiloAsync(database);
        var client = await PostgresSilos.StartClientAsync(database);
        var created = (await client.Client().GetGrain<IArtistGrain>(artistId)
            .CreateAsync(new CreateArtistCommand("owner", "Restart Survivor", "KR", "bio", ["https://example.com"]))).Artist;
        await PostgresSilos.StopAsync(client, silo);

        var restarted = await PostgresSilos.StartSiloAsync(database);
        var newClient = await PostgresSilos.StartClientAsync(database);
        try
        {
            var profile = await newClient.Client().GetGrain<IArtistGrain>(artistId).GetAsync();

            ArtistAssertions.Same(created, profile);
        }
        finally
        {
            await PostgresSilos.StopAsync(newClient, restarted);
        }
    }

    [Fact]
    public async Task Reminder_RegisteredBeforeARestart_FiresAfterIt()
    {
        var database = await postgres.CreateDatabaseAsync();
        // Orleans' one-minute floor would make this test slow; the mechanism is the same at 5 s.
        static void ShortReminders(IServiceCollection services) =>
            services.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(5));
        var probeId = Guid.NewGuid().ToString("N");
        var silo = await PostgresSilos.StartSiloAsync(database, ShortReminders);
        var client = await PostgresSilos.StartClientAsync(database);
        await client.Client().GetGrain<IReminderProbeGrain>(probeId).StartAsync(TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(5));
        var firstSilo = silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();
        await PostgresSilos.StopAsync(client, silo);

        var restarted = await PostgresSilos.StartSiloAsync(database, ShortReminders);
        var newClient = await PostgresSilos.StartClientAsync(database);
        try
        {
            var probe = newClient.Client().GetGrain<IReminderProbeGrain>(probeId);
            await Eventually.UntilAsync(
                async () => (await probe.GetTicksAsync()).Any(t => t.SiloAddress != firstSilo),
                TimeSpan.FromSeconds(60),
                "the reminder to fire on the restarted silo",
                poll: TimeSpan.FromMilliseconds(500));
        }
        finally
        {
            await PostgresSilos.StopAsync(newClient, restarted);
        }
    }
}
