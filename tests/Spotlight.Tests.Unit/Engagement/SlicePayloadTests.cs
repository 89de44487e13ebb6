using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement.Payload;

namespace Spotlight.Tests.Unit.Engagement;

public class SlicePayloadTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WrittenEvents_ReadBackAsWritten_WithEachIdOnce()
    {
        var batch = IngestBatch.Of("b1",
        [
            ("video-a", EngagementKind.View, 1, T0),
            ("video-b", EngagementKind.Like, 3, T0.AddSeconds(-90)),
            ("video-a", EngagementKind.Share, 10_000, T0.AddMinutes(4)),
            ("video-c", EngagementKind.Use, 1, T0.AddDays(-6)),
        ]);
        string?[] tracks = ["track-1", null, "track-1", "track-2"];

        var slice = SliceReader.Read(SliceWriter.Write(batch, [0, 1, 2, 3], tracks));

        Assert.Equal(["video-a", "video-b", "video-c"], slice.Videos);
        Assert.Equal(["track-1", "track-2"], slice.Tracks);
        var events = slice.Events.ToArray();
        Assert.Equal(4, events.Length);
        Assert.Equal(new EngagementEvent(0, 0, EngagementKind.View, 1, T0.ToUnixTimeSeconds()), events[0]);
        Assert.Equal(new EngagementEvent(1, -1, EngagementKind.Like, 3, T0.AddSeconds(-90).ToUnixTimeSeconds()), events[1]);
        Assert.Equal(new EngagementEvent(0, 0, EngagementKind.Share, 10_000, T0.AddMinutes(4).ToUnixTimeSeconds()), events[2]);
        Assert.Equal(new EngagementEvent(2, 1, EngagementKind.Use, 1, T0.AddDays(-6).ToUnixTimeSeconds()), events[3]);
    }

    [Fact]
    public void WhetherATrackNamesASeason_IsWrittenOncePerTrack_AndAnyVideoSayingYesWins()
    {
        var batch = IngestBatch.Of("b1",
        [
            ("video-a", EngagementKind.View, 1, T0),
            ("video-b", EngagementKind.View, 1, T0),
            ("video-c", EngagementKind.View, 1, T0),
            ("video-d", EngagementKind.View, 1, T0),
        ]);

        var slice = SliceReader.Read(SliceWriter.Write(batch, [0, 1, 2, 3], ["in-season", "no-season", "in-season", null], [false, false, true, false]));

        Assert.Equal(["in-season", "no-season"], slice.Tracks);
        Assert.Equal([true, false], slice.InSeason);
        Assert.Equal([true], SliceReader.Read(SliceWriter.Write(batch, [0], ["t"])).InSeason);
    }

    [Fact]
    public void AnEntryWrittenBeforeTrackSeasons_KeepsEveryTracksMinutes()
    {
        // One video "v", one track "t", one view of count 1 at the base time, and no trailer of track seasons.
        byte[] payload = [1, 1, 1, (byte)'v', 1, 1, (byte)'t', 1, .. BitConverter.GetBytes(T0.ToUnixTimeSeconds()), 0, 1, (byte)EngagementKind.View, 1, 0];

        var slice = SliceReader.Read(payload);

        Assert.Equal(["t"], slice.Tracks);
        Assert.Equal([true], slice.InSeason);
        Assert.Equal(new EngagementEvent(0, 0, EngagementKind.View, 1, T0.ToUnixTimeSeconds()), slice.Events.Span[0]);
    }

    [Fact]
    public void ASubsetOfTheBatch_IsWhatTheEntryHolds()
    {
        var batch = IngestBatch.Of("b1", [("v1", EngagementKind.View, 1, T0), ("v2", EngagementKind.View, 2, T0), ("v3", EngagementKind.View, 3, T0)]);

        var slice = SliceReader.Read(SliceWriter.Write(batch, [2, 0], [null, null, null]));

        Assert.Equal(["v3", "v1"], slice.Videos);
        Assert.Equal([3, 1], slice.Events.ToArray().Select(e => e.Count));
    }

    [Fact]
    public void NonAsciiIds_AndLongIds_RoundTrip()
    {
        var longId = new string('x', 300);
        var batch = IngestBatch.Of("b1", [("動画-é", EngagementKind.Comment, 2, T0), (longId, EngagementKind.View, 1, T0)]);

        var slice = SliceReader.Read(SliceWriter.Write(batch, [0, 1], ["曲", null]));

        Assert.Equal(["動画-é", longId], slice.Videos);
        Assert.Equal(["曲"], slice.Tracks);
    }

    [Fact]
    public void ABuffer_HoldsEveryEntryOfADelivery_WithoutOverwritingEarlierOnes()
    {
        var buffer = new EventBuffer();
        var batch = IngestBatch.Of("b1", [.. Enumerable.Range(0, 40_000).Select(i => ($"v{i % 7}", EngagementKind.View, i % 100 + 1, T0))]);
        var payload = SliceWriter.Write(batch, [.. Enumerable.Range(0, 40_000)], new string?[40_000]);

        var slices = Enumerable.Range(0, 3).Select(_ => SliceReader.Read(payload, buffer: buffer)).ToList();

        Assert.All(slices, s => Assert.Equal(Enumerable.Range(0, 40_000).Select(i => i % 100 + 1), s.Events.ToArray().Select(e => e.Count)));
    }

    [Fact]
    public void AnUnknownVersion_OrAnEntryPointingPastItsTables_IsRefused()
    {
        var batch = IngestBatch.Of("b1", [("v1", EngagementKind.View, 1, T0)]);
        var payload = SliceWriter.Write(batch, [0], [null]);

        Assert.Throws<FormatException>(() => SliceReader.Read([2, .. payload[1..]]));
        Assert.Throws<FormatException>(() => SliceReader.Read([.. payload, 1])); // a trailer for a track it does not hold
        var corrupt = payload.ToArray();
        corrupt[^5] = 5; // the one event's video index (its five bytes end the entry): past the one-entry table
        Assert.Throws<FormatException>(() => SliceReader.Read(corrupt));
    }
}
