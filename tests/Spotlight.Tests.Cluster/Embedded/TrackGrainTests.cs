using Spotlight.GrainInterfaces.Artists;
using Spotlight.GrainInterfaces.Playlists;
using Spotlight.GrainInterfaces.Reviews;
using Spotlight.GrainInterfaces.Tracks;

namespace Spotlight.Tests.Cluster.Embedded;

public class TrackGrainTests(EmbeddedClusterFixture fixture) : IClassFixture<EmbeddedClusterFixture>
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ConcurrentReviews_ExactlyOneWins_TheOtherFindsItReviewed()
    {
        var artist = await TrackWorkflow.CreateArtistAsync(Grains, "JP");
        var trackIds = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            trackIds.Add(await TrackWorkflow.SubmitAsync(Grains, artist, $"Song {i}"));
        }

        // Two reviewers, opposite decisions, at the same moment, on every track.
        var outcomes = await Task.WhenAll(trackIds.Select(async id =>
        {
            var track = Grains.GetGrain<ITrackGrain>(id);
            var results = await Task.WhenAll(
                track.ReviewAsync(ReviewDecision.Clear, "reviewer-a", null),
                track.ReviewAsync(ReviewDecision.Reject, "reviewer-b", "Sample not cleared."));
            return (Id: id, Results: results, Final: await track.GetAsync());
        }));

        Assert.All(outcomes, o =>
        {
            var winner = Assert.Single(o.Results, r => r.Outcome == TrackReviewOutcome.Reviewed);
            Assert.Single(o.Results, r => r.Outcome == TrackReviewOutcome.NotSubmitted);
            var review = Assert.Single(o.Final!.Reviews);
            Assert.Equal(winner.Value!.Status, o.Final.Status);
            Assert.Equal(winner.Value.Reviews[0].ReviewerId, review.ReviewerId);
        });
    }

    [Fact]
    public async Task Submit_ForSomeoneElse_IsRefused_AndTheArtistListsNothing()
    {
        var artist = await TrackWorkflow.CreateArtistAsync(Grains, "KR", owner: "the-owner");

        var result = await Grains.GetGrain<IArtistGrain>(artist.Id)
            .SubmitTrackAsync(Guid.NewGuid().ToString("N"), "not-the-owner", new TrackSubmission("T", "https://cdn.example/a.mp3", 100, true, null));

        Assert.Equal(ArtistTrackSubmitOutcome.NotOwner, result.Outcome);
        Assert.Empty((await Grains.GetGrain<IArtistGrain>(artist.Id).GetAsync())!.TrackIds);
    }

    [Fact]
    public async Task FiveHundredTracksClearedConcurrently_AcrossTwoRegions_EachPlaylistHasExactlyItsClearedTracks()
    {
        var regions = new[] { "BR", "MX" };
        var artists = new List<ArtistProfile>();
        foreach (var region in regions)
        {
            for (var i = 0; i < 5; i++)
            {
                artists.Add(await TrackWorkflow.CreateArtistAsync(Grains, region));
            }
        }

        // 50 tracks per artist, artists in parallel: 500 submissions.
        var submitted = (await Task.WhenAll(artists.Select(async artist =>
        {
            var ids = new List<(string Region, string TrackId)>();
            for (var i = 0; i < 50; i++)
            {
                ids.Add((artist.Region, await TrackWorkflow.SubmitAsync(Grains, artist, $"Track {i}")));
            }

            return ids;
        }))).SelectMany(ids => ids).ToList();

        // Every fifth track is rejected; all 500 reviews at once.
        var decisions = submitted.Select((t, i) => (t.Region, t.TrackId, Clear: i % 5 != 0)).ToList();
        var reviews = await Task.WhenAll(decisions.Select(d => Grains.GetGrain<ITrackGrain>(d.TrackId)
            .ReviewAsync(d.Clear ? ReviewDecision.Clear : ReviewDecision.Reject, "reviewer", d.Clear ? null : "Rejected in test.")));
        Assert.All(reviews, r => Assert.Equal(TrackReviewOutcome.Reviewed, r.Outcome));

        foreach (var region in regions)
        {
            var listed = (await Grains.GetGrain<IFeaturedPlaylistGrain>(region).GetTopAsync(10_000)).Select(e => e.TrackId).Order().ToList();
            var cleared = decisions.Where(d => d.Region == region && d.Clear).Select(d => d.TrackId).Order().ToList();
            Assert.Equal(200, cleared.Count);
            Assert.Equal(cleared, listed);
        }

        var queue = await Grains.GetGrain<ITrackReviewQueueGrain>(ITrackReviewQueueGrain.Key).GetPendingAsync(10_000);
        Assert.DoesNotContain(queue, p => submitted.Any(s => s.TrackId == p.TrackId));
    }
}
