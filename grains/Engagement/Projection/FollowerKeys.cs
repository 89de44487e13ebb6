using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Playlists;
using Spotlight.GrainInterfaces.Seasons;

namespace Spotlight.Grains.Engagement.Projection;

/// <summary>The names followers have in the follow registry, and how a projector reaches each kind.</summary>
public static class FollowerKeys
{
    private const string RoundPrefix = "round/";
    private const string PlaylistPrefix = "playlist/";

    public static string Round(string roundKey) => RoundPrefix + roundKey;

    public static string Playlist(string region) => PlaylistPrefix + region;

    public static Task NotifyAsync(IGrainFactory grains, string follower, TrackPointsNotice notice) =>
        follower.StartsWith(RoundPrefix, StringComparison.Ordinal)
            ? grains.GetGrain<IRoundGrain>(follower[RoundPrefix.Length..]).ApplyTrackPointsAsync(notice)
            : follower.StartsWith(PlaylistPrefix, StringComparison.Ordinal)
                ? grains.GetGrain<IFeaturedPlaylistGrain>(follower[PlaylistPrefix.Length..]).ApplyTrackPointsAsync(notice)
                : throw new ArgumentException($"'{follower}' is no kind of follower this system knows.", nameof(follower));
}
