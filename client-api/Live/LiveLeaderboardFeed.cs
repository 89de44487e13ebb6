using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Spotlight.GrainInterfaces.Seasons;

namespace Spotlight.ClientApi.Live;

/// <summary>
/// Live top rows of rounds for server-sent events. However many people watch a round through this API
/// process, one loop reads its top rows a few times a second and passes on only rows that changed; each
/// watcher holds at most the latest of them, so a slow reader skips to the newest instead of falling behind.
/// </summary>
public sealed class LiveLeaderboardFeed(IGrainFactory grains, ILogger<LiveLeaderboardFeed> logger)
{
    /// <summary>How often a watched round is read: changes reach watchers within this, coalesced.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<(string RoundKey, int Top), RoundWatch> _watches = new();
    private readonly Lock _gate = new();

    public async IAsyncEnumerable<Leaderboard> WatchAsync(string roundKey, int top, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<Leaderboard>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        RoundWatch watch;
        lock (_gate)
        {
            watch = _watches.GetOrAdd((roundKey, top), key => new RoundWatch(grains.GetGrain<IRoundGrain>(key.RoundKey), key.Top, logger));
            watch.Add(channel.Writer);
        }

        try
        {
            await foreach (var board in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return board;
            }
        }
        finally
        {
            lock (_gate)
            {
                if (watch.Remove(channel.Writer))
                {
                    _watches.TryRemove((roundKey, top), out _);
                }
            }
        }
    }

    private sealed class RoundWatch
    {
        private readonly IRoundGrain _round;
        private readonly int _top;
        private readonly ILogger _logger;
        private readonly List<ChannelWriter<Leaderboard>> _watchers = [];
        private readonly CancellationTokenSource _stop = new();
        private Leaderboard? _last;

        public RoundWatch(IRoundGrain round, int top, ILogger logger)
        {
            (_round, _top, _logger) = (round, top, logger);
            _ = Task.Run(LoopAsync);
        }

        public void Add(ChannelWriter<Leaderboard> watcher)
        {
            lock (_watchers)
            {
                _watchers.Add(watcher);
                if (_last is not null)
                {
                    watcher.TryWrite(_last);
                }
            }
        }

        /// <summary>True when that was the last watcher: the loop stops.</summary>
        public bool Remove(ChannelWriter<Leaderboard> watcher)
        {
            lock (_watchers)
            {
                _watchers.Remove(watcher);
                if (_watchers.Count > 0)
                {
                    return false;
                }
            }

            _stop.Cancel();
            return true;
        }

        private async Task LoopAsync()
        {
            using var timer = new PeriodicTimer(PollInterval);
            do
            {
                try
                {
                    var board = await _round.GetLeaderboardAsync(_top, around: null, neighbours: 0);
                    Publish(board);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The cluster may be briefly unreachable; watchers keep what they have and the loop tries again.
                    _logger.LogWarning(ex, "Reading a live leaderboard failed; retrying");
                }
            }
            while (await WaitAsync(timer));
        }

        private async Task<bool> WaitAsync(PeriodicTimer timer)
        {
            try
            {
                return await timer.WaitForNextTickAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        private void Publish(Leaderboard board)
        {
            lock (_watchers)
            {
                if (_last is not null && _last.State == board.State && _last.Rows.SequenceEqual(board.Rows))
                {
                    return;
                }

                _last = board;
                foreach (var watcher in _watchers)
                {
                    watcher.TryWrite(board);
                }
            }
        }
    }
}
