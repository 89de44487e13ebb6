using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Spotlight.GrainInterfaces.Artists;
using Spotlight.GrainInterfaces.Playlists;
using Spotlight.GrainInterfaces.Reviews;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Tests.Cluster.Embedded;
using Spotlight.Tests.Cluster.Probes;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

[Collection(PostgresStoreCollection.Name)]
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
            .CreateAsync(new CreateArtistCommand("owner", "Restart Survivor", "KR", "bio", ["https://example.com"]))).Value;
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
    public async Task ArtistsTracksAndPlaylists_SurviveAFullRestartOfTwoSilos()
    {
        var database = await postgres.CreateDatabaseAsync();
        var siloA = await PostgresSilos.StartSiloAsync(database);
        var siloB = await PostgresSilos.StartSiloAsync(database);
        var client = await PostgresSilos.StartClientAsync(database);
        var grains = client.Client();
        var artist = await TrackWorkflow.CreateArtistAsync(grains, "GH");
        var cleared = await TrackWorkflow.SubmitAsync(grains, artist, "Cleared");
        var rejected = await TrackWorkflow.SubmitAsync(grains, artist, "Rejected");
        var pending = await TrackWorkflow.SubmitAsync(grains, artist, "Pending");
        await grains.GetGrain<ITrackGrain>(cleared).ReviewAsync(ReviewDecision.Clear, "r1", null);
        await grains.GetGrain<ITrackGrain>(rejected).ReviewAsync(ReviewDecision.Reject, "r1", "No.");
        await grains.GetGrain<IArtistGrain>(artist.Id).VerifyAsync("r1");
        await PostgresSilos.StopAsync(client, siloA, siloB);

        var restartedA = await PostgresSilos.StartSiloAsync(database);
        var restartedB = await PostgresSilos.StartSiloAsync(database);
        var newClient = await PostgresSilos.StartClientAsync(database);
        try
        {
            var after = newClient.Client();
            var profile = await after.GetGrain<IArtistGrain>(artist.Id).GetAsync();
            Assert.True(profile!.Verified);
            Assert.Equal([cleared, rejected, pending], profile.TrackIds);
            Assert.Equal(TrackStatus.Cleared, (await after.GetGrain<ITrackGrain>(cleared).GetAsync())!.Status);
            var rejectedTrack = await after.GetGrain<ITrackGrain>(rejected).GetAsync();
            Assert.Equal((TrackStatus.Rejected, "No.", "r1"), (rejectedTrack!.Status, rejectedTrack.Reviews[0].Reason, rejectedTrack.Reviews[0].ReviewerId));
            Assert.Equal(TrackStatus.Submitted, (await after.GetGrain<ITrackGrain>(pending).GetAsync())!.Status);
            var playlist = await after.GetGrain<IFeaturedPlaylistGrain>("GH").GetTopAsync(10);
            var entry = Assert.Single(playlist);
            Assert.Equal((cleared, true), (entry.TrackId, entry.ArtistVerified));
            var queue = await after.GetGrain<ITrackReviewQueueGrain>(ITrackReviewQueueGrain.Key).GetPendingAsync(10);
            Assert.Equal([pending], queue.Select(p => p.TrackId));
        }
        finally
        {
            await PostgresSilos.StopAsync(newClient, restartedA, restartedB);
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
