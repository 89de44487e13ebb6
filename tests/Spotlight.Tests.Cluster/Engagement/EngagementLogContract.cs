using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement;
using Spotlight.Grains.Engagement.Log;
using Spotlight.Tests.Infrastructure;
using Spotlight.Domain;

namespace Spotlight.Tests.Cluster.Engagement;

/// <summary>
/// What every engagement log promises (<see cref="IEngagementLog"/>), run against each implementation: a
/// batch is appended whole at dense offsets with its id claimed in the same step, a repeated id appends
/// nothing and repeats the first answer, pruning forgets only what is both old and consumed.
/// </summary>
public abstract class EngagementLogContract
{
    protected static readonly EngagementOptions Options = new() { Partitions = 4 };

    /// <summary>A fresh, empty log with <see cref="Options"/> (or <paramref name="options"/>).</summary>
    protected abstract Task<IEngagementLog> CreateLogAsync(EngagementOptions? options = null);

    private static LogAppend Batch(string id, params int[] partitions) => new(
        id,
        [.. partitions.Select(p => new LogSlice(p, p + 1, [(byte)p, .. System.Text.Encoding.UTF8.GetBytes(id)]))],
        new IngestOutcome(partitions.Sum(p => p + 1), [], Duplicate: false));

    [Fact]
    public async Task Append_ThenRead_ReturnsEachSliceAtItsPartition_WithItsPayload()
    {
        var log = await CreateLogAsync();
        var batch = Batch("batch-one", 0, 2);

        var outcome = await log.AppendAsync(batch, CancellationToken.None);

        Assert.Equal(batch.Outcome, outcome);
        foreach (var slice in batch.Slices)
        {
            var entry = Assert.Single(await log.ReadAsync(slice.Partition, 0, 10, CancellationToken.None));
            Assert.Equal((slice.Partition, 1L), (entry.Partition, entry.Offset));
            Assert.Equal(slice.Payload, entry.Payload);
        }

        Assert.Empty(await log.ReadAsync(1, 0, 10, CancellationToken.None));
        Assert.Equal(new long[] { 1L, 0, 1, 0 }, await log.ReadHeadsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SameBatchIdAppendedConcurrently_IsLoggedOnce_AndEveryRepeatAnswersTheFirstOutcome()
    {
        var log = await CreateLogAsync();
        var first = Batch("contested", 1) with { Outcome = new IngestOutcome(2, [new RejectedEvent(1, "kind: unknown.")], false) };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => log.AppendAsync(
            i == 0 ? first : first with { Outcome = new IngestOutcome(99, [], false) }, CancellationToken.None)));

        var original = Assert.Single(outcomes, o => !o.Duplicate);
        Assert.All(outcomes.Where(o => o.Duplicate), o => Assert.Equal((original.Accepted, original.Rejected.Count), (o.Accepted, o.Rejected.Count)));
        Assert.Single(await log.ReadAsync(1, 0, 100, CancellationToken.None));
        Assert.Equal(new RejectedEvent(1, "kind: unknown."), Assert.Single((await log.AppendAsync(first, CancellationToken.None)).Rejected));
    }

    [Fact]
    public async Task BatchWithoutSlices_StillClaimsItsId()
    {
        var log = await CreateLogAsync();
        var rejectedOnly = new LogAppend("all-rejected", [], new IngestOutcome(0, [new RejectedEvent(0, "videoId: unknown video.")], false));

        await log.AppendAsync(rejectedOnly, CancellationToken.None);
        var repeat = await log.AppendAsync(Batch("all-rejected", 0), CancellationToken.None);

        Assert.True(repeat.Duplicate);
        Assert.Equal(0, repeat.Accepted);
        Assert.Equal(new long[] { 0L, 0, 0, 0 }, await log.ReadHeadsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ManyBatchesConcurrently_GetDenseIncreasingOffsetsPerPartition_AndReadsPageThroughThem()
    {
        var log = await CreateLogAsync();
        var batches = Enumerable.Range(0, 200).Select(i => Batch($"b-{i}", i % 4, (i + 1) % 4)).ToList();

        await Task.WhenAll(batches.Select(b => log.AppendAsync(b, CancellationToken.None)));

        for (var partition = 0; partition < 4; partition++)
        {
            var expected = batches.SelectMany(b => b.Slices).Where(s => s.Partition == partition).Select(s => Convert.ToHexString(s.Payload)).Order().ToList();
            var read = new List<EngagementLogEntry>();
            while (await log.ReadAsync(partition, read.Count == 0 ? 0 : read[^1].Offset, 7, CancellationToken.None) is { Count: > 0 } page)
            {
                read.AddRange(page);
            }

            Assert.Equal(Enumerable.Range(1, expected.Count).Select(i => (long)i), read.Select(e => e.Offset));
            Assert.Equal(expected, read.Select(e => Convert.ToHexString(e.Payload)).Order());
        }
    }

    [Fact]
    public async Task Prune_NeverForgetsAnUnconsumedOrRecentEntry_ForgetsWhatIsOldAndConsumed_AndOffsetsContinue()
    {
        var log = await CreateLogAsync();
        for (var i = 0; i < 10; i++)
        {
            await log.AppendAsync(Batch($"p-{i}", 0, 1), CancellationToken.None);
        }

        var recent = await log.PruneAsync(DateTimeOffset.UtcNow.AddDays(-1), [10, 10, 0, 0], DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Equal(0, recent.EntriesRemoved);

        // Partition 1 consumed only to offset 5. A log may keep more than it must (PostgreSQL drops whole time
        // segments), never less.
        var later = DateTimeOffset.UtcNow.AddDays(2);
        var halfConsumed = await log.PruneAsync(later, [10, 5, 0, 0], DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Equal([6L, 7, 8, 9, 10], (await log.ReadAsync(1, 5, 100, CancellationToken.None)).Select(e => e.Offset));

        var allConsumed = await log.PruneAsync(later, [10, 10, 0, 0], DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Empty(await log.ReadAsync(0, 0, 100, CancellationToken.None));
        Assert.Empty(await log.ReadAsync(1, 0, 100, CancellationToken.None));
        Assert.Equal(20, halfConsumed.EntriesRemoved + allConsumed.EntriesRemoved);

        await log.AppendAsync(Batch("after-prune", 0), CancellationToken.None);
        Assert.Equal(11, Assert.Single(await log.ReadAsync(0, 0, 100, CancellationToken.None)).Offset);
        Assert.Equal(11, (await log.ReadHeadsAsync(CancellationToken.None))[0]);
    }

    [Fact]
    public async Task ClaimsPrunedAfterTheirTime_LetTheIdBeAcceptedAgain_OthersStayDuplicates()
    {
        var log = await CreateLogAsync();
        await log.AppendAsync(Batch("claimed", 2), CancellationToken.None);

        await log.PruneAsync(DateTimeOffset.MinValue, [0, 0, 0, 0], DateTimeOffset.UtcNow.AddDays(-1), CancellationToken.None);
        Assert.True((await log.AppendAsync(Batch("claimed", 2), CancellationToken.None)).Duplicate);

        var pruned = await log.PruneAsync(DateTimeOffset.MinValue, [0, 0, 0, 0], DateTimeOffset.UtcNow.AddDays(3), CancellationToken.None);
        Assert.True(pruned.ClaimsRemoved >= 1);
        Assert.False((await log.AppendAsync(Batch("claimed", 2), CancellationToken.None)).Duplicate);
        Assert.Equal(2, (await log.ReadHeadsAsync(CancellationToken.None))[2]);
    }

    [Fact]
    public async Task AnIdClaimedLongerAgoThanTheDedupeWindow_IsAcceptedAgain()
    {
        var log = await CreateLogAsync(new EngagementOptions { Partitions = 4, DedupeWindow = TimeSpan.FromMilliseconds(300) });
        await log.AppendAsync(Batch("short-window", 3), CancellationToken.None);

        await Eventually.UntilAsync(
            async () => !(await log.AppendAsync(Batch("short-window", 3), CancellationToken.None)).Duplicate,
            TimeSpan.FromSeconds(30),
            "the batch id to be accepted again once its claim is older than the dedupe window");

        Assert.Equal(2, (await log.ReadHeadsAsync(CancellationToken.None))[3]);
    }
}
