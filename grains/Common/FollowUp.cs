using Microsoft.Extensions.Logging;

namespace Spotlight.Grains.Common;

/// <summary>
/// Work that must follow a committed state change, such as telling a playlist about a cleared track.
/// The grain's state records that the work is owed; this runs it right after the write and, if it fails,
/// again every few seconds while the grain is active (and the grain runs it on its next activation), so
/// the other grain converges without the caller seeing a half-done request. The work must be idempotent.
/// </summary>
public sealed class FollowUp(IGrainBase grain, Func<Task> work, ILogger logger)
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);
    private IGrainTimer? _retry;

    public async Task RunAsync()
    {
        try
        {
            await work();
            _retry?.Dispose();
            _retry = null;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Follow-up work of {Grain} failed; retrying in {Interval}", grain.GrainContext.GrainId, RetryInterval);
            _retry ??= grain.RegisterGrainTimer(RunAsync, new GrainTimerCreationOptions(RetryInterval, RetryInterval) { Interleave = false });
        }
    }
}
