using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Domain;

namespace Spotlight.Tests.Unit.Domain;

public class TrackRulesTests
{
    private static IEnumerable<string> Fields(string? title = "Song", string? audioUrl = "https://cdn.example/a.mp3", int? duration = 180, bool? original = true, string? seasonId = null) =>
        TrackRules.ValidateSubmission(title, audioUrl, duration, original, seasonId).Select(e => e.Field);

    [Fact]
    public void Submission_Valid_NoErrors() => Assert.Empty(Fields());

    [Theory]
    [InlineData(10)]
    [InlineData(600)]
    public void Submission_DurationAtTheBounds_IsValid(int seconds) => Assert.Empty(Fields(duration: seconds));

    [Theory]
    [InlineData(9)]
    [InlineData(601)]
    [InlineData(null)]
    public void Submission_DurationOutOfRange_NamesDuration(int? seconds) => Assert.Equal(["durationSeconds"], Fields(duration: seconds));

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Submission_NotOriginal_NamesOriginalWork(bool? original) => Assert.Equal(["originalWork"], Fields(original: original));

    [Theory]
    [InlineData("http://cdn.example/a.mp3")]
    [InlineData("ftp://cdn.example/a.mp3")]
    [InlineData("/relative.mp3")]
    [InlineData(null)]
    public void Submission_AudioUrlNotHttps_NamesAudioUrl(string? url) => Assert.Equal(["audioUrl"], Fields(audioUrl: url));

    [Fact]
    public void Submission_BlankTitleAndBadSeason_NamesBoth() =>
        Assert.Equal(["title", "seasonId"], Fields(title: " ", seasonId: "season/1"));

    [Fact]
    public void Review_RejectWithoutReason_NamesReason() =>
        Assert.Equal(["reason"], TrackRules.ValidateReview(ReviewDecision.Reject, "  ").Select(e => e.Field));

    [Fact]
    public void Review_ClearWithoutReason_IsValid() => Assert.Empty(TrackRules.ValidateReview(ReviewDecision.Clear, null));

    [Fact]
    public void Review_NoDecision_NamesDecision() =>
        Assert.Equal(["decision"], TrackRules.ValidateReview(null, null).Select(e => e.Field));

    [Theory]
    [InlineData(TrackStatus.Submitted, true)]
    [InlineData(TrackStatus.Cleared, false)]
    [InlineData(TrackStatus.Rejected, false)]
    public void CanReview_OnlySubmitted(TrackStatus status, bool expected) => Assert.Equal(expected, TrackRules.CanReview(status));

    [Fact]
    public void StatusAfter_MapsDecisions()
    {
        Assert.Equal(TrackStatus.Cleared, TrackRules.StatusAfter(ReviewDecision.Clear));
        Assert.Equal(TrackStatus.Rejected, TrackRules.StatusAfter(ReviewDecision.Reject));
    }
}
