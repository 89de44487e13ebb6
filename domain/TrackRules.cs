using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Tracks;

namespace Spotlight.Domain;

/// <summary>What a valid track submission and a valid review are.</summary>
public static class TrackRules
{
    public const int MaxTitleLength = 200;
    public const int MaxAudioUrlLength = 1000;
    public const int MinDurationSeconds = 10;
    public const int MaxDurationSeconds = 600;
    public const int MaxReasonLength = 1000;

    /// <summary>Tracks one artist may submit; bounds the work of listing an artist's tracks.</summary>
    public const int MaxTracksPerArtist = 100;

    public static IReadOnlyList<FieldError> ValidateSubmission(string? title, string? audioUrl, int? durationSeconds, bool? originalWork, string? seasonId)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new("title", "A title is required."));
        }
        else if (title.Trim().Length > MaxTitleLength)
        {
            errors.Add(new("title", $"At most {MaxTitleLength} characters."));
        }

        if (!HttpsUrl.IsValid(audioUrl, MaxAudioUrlLength))
        {
            errors.Add(new("audioUrl", $"An absolute https URL of at most {MaxAudioUrlLength} characters."));
        }

        if (durationSeconds is not (>= MinDurationSeconds and <= MaxDurationSeconds))
        {
            errors.Add(new("durationSeconds", $"A whole number of seconds from {MinDurationSeconds} to {MaxDurationSeconds}."));
        }

        if (originalWork != true)
        {
            errors.Add(new("originalWork", "Only original work can be submitted: confirm with originalWork: true."));
        }

        if (seasonId is not null && !ResourceIdRules.IsValid(seasonId))
        {
            errors.Add(new("seasonId", $"A season id of {ResourceIdRules.Description}."));
        }

        return errors;
    }

    public static IReadOnlyList<FieldError> ValidateSubmission(SubmitTrackCommand command) =>
        ValidateSubmission(command.Title, command.AudioUrl, command.DurationSeconds, command.OriginalWork, command.SeasonId);

    public static IReadOnlyList<FieldError> ValidateReview(ReviewDecision? decision, string? reason)
    {
        var errors = new List<FieldError>();
        if (decision is null)
        {
            errors.Add(new("decision", "Either \"clear\" or \"reject\"."));
        }
        else if (decision == ReviewDecision.Reject && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new("reason", "A reason is required to reject a track."));
        }

        if (reason is { Length: > MaxReasonLength })
        {
            errors.Add(new("reason", $"At most {MaxReasonLength} characters."));
        }

        return errors;
    }

    /// <summary>Only a submitted track can be reviewed; the decision moves it to cleared or rejected.</summary>
    public static bool CanReview(TrackStatus status) => status == TrackStatus.Submitted;

    public static TrackStatus StatusAfter(ReviewDecision decision) =>
        decision == ReviewDecision.Clear ? TrackStatus.Cleared : TrackStatus.Rejected;
}
