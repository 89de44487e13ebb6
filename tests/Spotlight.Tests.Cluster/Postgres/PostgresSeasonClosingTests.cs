using Spotlight.GrainInterfaces.Seasons;
using Spotlight.Tests.Cluster.Seasons;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

/// <summary>Postgres mode: a round's closing reminder is in the reminder table, so a round whose closing
/// time passes while no silo runs closes by itself once a silo is back.</summary>
[Collection(PostgresStoreCollection.Name)]
public class PostgresSeasonClosingTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Preparation = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ClosingWait = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Round1Reminder_FiresAfterASiloRestart_ThenExactly100_18_AndWinners()
    {
        var database = await postgres.CreateDatabaseAsync();
        var seasonId = "pg-close-" + Guid.NewGuid().ToString("N")[..8];
        var closes = SeasonWorkflow.WholeMinuteAfter(Preparation);
        var silo = await PostgresSilos.StartSiloAsync(database);
        var client = await PostgresSilos.StartClientAsync(database);
        try
        {
            var grains = client.Client();
            await SeasonWorkflow.CreateAsync(grains, seasonId, SeasonWorkflow.ThreeRounds(closes));
            await SeasonWorkflow.EnterAsync(grains, seasonId, 300);
            Assert.Equal(RoundState.Open, (await grains.GetGrain<ISeasonGrain>(seasonId).GetAsync())!.RoundStates[0]);
        }
        finally
        {
            await PostgresSilos.StopAsync(client, silo);
        }

        Assert.True(DateTimeOffset.UtcNow < closes, "Preparation took longer than the time to closing; the restart would not come before the reminder.");
        // Nothing runs while round 1's closing time passes.
        await Eventually.UntilAsync(() => DateTimeOffset.UtcNow > closes, Preparation + TimeSpan.FromMinutes(1), "round 1's closing time to pass");

        var restartedAt = DateTimeOffset.UtcNow;
        var restarted = await PostgresSilos.StartSiloAsync(database);
        var newClient = await PostgresSilos.StartClientAsync(database);
        try
        {
            var grains = newClient.Client();
            var first = await SeasonWorkflow.WaitForResultsAsync(grains, seasonId, 1, ClosingWait);
            Assert.True(first.ClosedAt >= restartedAt, $"Round 1 closed at {first.ClosedAt:O}, before the restart at {restartedAt:O}.");
            await SeasonWorkflow.AssertAdvancementAsync(grains, seasonId, first, ClosingWait);
        }
        finally
        {
            await PostgresSilos.StopAsync(newClient, restarted);
        }
    }
}
