using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Engagement.Projection;

/// <summary>
/// What a follower of track popularity (a round, a regional playlist) has been told since its snapshot
/// from the store: the positions that snapshot includes, and the points of later notices not yet ranked.
/// A notice is taken only if it continues what the follower holds; one that may leave a gap asks the
/// follower to reload from the store. Points wait here until the follower next ranks, so a track gaining in
/// every delivery costs one re-rank per read, not one per notice.
/// </summary>
public sealed class FollowedTrackPoints
{
    private readonly Dictionary<string, long> _pending = new(StringComparer.Ordinal);
    private AppliedPositions? _positions;

    /// <summary>Starts from a first snapshot's positions. Later snapshots (following more tracks) are in step
    /// with commits, so notices after the first one stay valid for them.</summary>
    public void StartAt(long[] positions) => _positions ??= new AppliedPositions(positions);

    /// <summary>After a full reload: the snapshot includes everything told before it.</summary>
    public void ResetTo(long[] positions)
    {
        _pending.Clear();
        _positions = new AppliedPositions(positions);
    }

    /// <summary>Takes a notice's points if they continue what is held; true when the follower must reload.</summary>
    public bool Receive(TrackPointsNotice notice)
    {
        if (_positions is null)
        {
            return false;
        }

        switch (_positions.Judge(notice.Range))
        {
            case NoticeVerdict.Apply:
                foreach (var (trackId, points) in notice.Points)
                {
                    _pending[trackId] = _pending.GetValueOrDefault(trackId) + points;
                }

                _positions.Advance(notice.Range);
                return false;
            case NoticeVerdict.Reload:
                return true;
            default:
                return false;
        }
    }

    /// <summary>Hands every pending point to <paramref name="rank"/> once.</summary>
    public void Drain(Action<string, long> rank)
    {
        foreach (var (trackId, points) in _pending)
        {
            rank(trackId, points);
        }

        _pending.Clear();
    }
}
