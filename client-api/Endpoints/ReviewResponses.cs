using Spotlight.ClientApi.Names;
using Spotlight.GrainInterfaces.Reviews;

namespace Spotlight.ClientApi.Endpoints;

/// <summary>A track waiting for clearance, with its artist's name and badge and its audio address, so that a
/// reviewer can listen from the queue.</summary>
public sealed record PendingTrackResponse(
    string TrackId,
    string Title,
    string? AudioUrl,
    string ArtistId,
    string? ArtistName,
    bool ArtistVerified,
    string Region,
    DateTimeOffset SubmittedAt)
{
    public static async Task<IReadOnlyList<PendingTrackResponse>> FromAsync(IReadOnlyList<PendingTrack> queue, RowNames names)
    {
        var joined = await names.JoinAsync(queue, t => t.ArtistId, t => t.TrackId);
        return [.. queue.Select(t =>
        {
            var artist = joined.Artist(t.ArtistId);
            return new PendingTrackResponse(t.TrackId, t.Title, joined.AudioOf(t.TrackId), t.ArtistId, artist?.DisplayName, artist?.Verified ?? false, t.Region, t.SubmittedAt);
        })];
    }
}

/// <summary>A link review with the video's caption and the title's name beside their ids.</summary>
public sealed record LinkReviewResponse(
    string VideoId,
    string? VideoCaption,
    string TitleId,
    string? TitleName,
    string CreatorId,
    DateTimeOffset QueuedAt,
    LinkReviewStatus Status,
    string? ReviewerId,
    string? Reason,
    DateTimeOffset? DecidedAt)
{
    public static async Task<IReadOnlyList<LinkReviewResponse>> FromAsync(IEnumerable<LinkReview> reviews, RowNames names)
    {
        var list = reviews.ToList();
        var (captionsRead, titlesRead) = (names.CaptionsAsync(list.Select(r => r.VideoId)), names.TitlesAsync(list.Select(r => r.TitleId)));
        var (captions, titles) = (await captionsRead, await titlesRead);
        return [.. list.Select(r => new LinkReviewResponse(r.VideoId, captions.GetValueOrDefault(r.VideoId), r.TitleId, titles.GetValueOrDefault(r.TitleId),
            r.CreatorId, r.QueuedAt, r.Status, r.ReviewerId, r.Reason, r.DecidedAt))];
    }
}
