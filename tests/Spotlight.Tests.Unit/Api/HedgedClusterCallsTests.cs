using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Spotlight.ClientApi.Hosting;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Unit.Api;

public sealed class HedgedClusterCallsTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new();
    private int _attempts;

    [Fact]
    public async Task AnAnsweredCall_IsSentOnce()
    {
        var calls = new HedgedClusterCalls(_clock, NullLogger<HedgedClusterCalls>.Instance);

        var answer = await calls.ExecuteAsync((_, _) => Answer(Interlocked.Increment(ref _attempts)));

        Assert.Equal(1, answer);
        Assert.Equal(1, _attempts);
    }

    /// <summary>A silo killed with the call in flight never answers it; the copy goes out after the delay
    /// (not before) and its answer is the caller's, while the first still hangs.</summary>
    [Fact]
    public async Task ACallUnansweredForTheDelay_IsSentAgain_AndTheSecondAnswerWins()
    {
        var calls = new HedgedClusterCalls(_clock, NullLogger<HedgedClusterCalls>.Instance);
        var hanging = new TaskCompletionSource<int>();

        var call = calls.ExecuteAsync((_, _) => Interlocked.Increment(ref _attempts) == 1 ? new ValueTask<int>(hanging.Task) : Answer(2)).AsTask();
        _clock.Advance(HedgedClusterCalls.HedgeDelay - TimeSpan.FromMilliseconds(1));
        await Task.Yield();
        Assert.Equal(1, Volatile.Read(ref _attempts));

        await Eventually.UntilAsync(() =>
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            return Volatile.Read(ref _attempts) >= 2;
        }, Deadline, "the second copy of the call");

        Assert.Equal(2, await call.WaitAsync(Deadline));
        Assert.False(hanging.Task.IsCompleted);
    }

    [Fact]
    public async Task ACallRefusedAsUnreachable_IsSentAgainAtOnce()
    {
        var calls = new HedgedClusterCalls(_clock, NullLogger<HedgedClusterCalls>.Instance);

        var answer = await calls.ExecuteAsync((_, _) => Interlocked.Increment(ref _attempts) == 1
            ? ValueTask.FromException<int>(new SiloUnavailableException("the gateway is gone"))
            : Answer(2)).AsTask().WaitAsync(Deadline);

        Assert.Equal(2, answer);
        Assert.Equal(2, _attempts);
    }

    [Fact]
    public async Task AnUnreachableCluster_IsSentTwoRoundsOfThreeCopies_ThenItsFailureIsAnswered()
    {
        var calls = new HedgedClusterCalls(_clock, NullLogger<HedgedClusterCalls>.Instance);

        await Assert.ThrowsAsync<TimeoutException>(() => calls.ExecuteAsync((_, _) =>
        {
            Interlocked.Increment(ref _attempts);
            return ValueTask.FromException<int>(new TimeoutException("no answer"));
        }).AsTask().WaitAsync(Deadline));

        Assert.Equal((1 + HedgedClusterCalls.MaxHedgedAttempts) * HedgedClusterCalls.MaxRounds, _attempts);
    }

    [Fact]
    public async Task EachCopy_IsToldWhichCopyItIs()
    {
        var calls = new HedgedClusterCalls(_clock, NullLogger<HedgedClusterCalls>.Instance);
        var copies = new System.Collections.Concurrent.ConcurrentBag<int>();

        await Assert.ThrowsAsync<TimeoutException>(() => calls.ExecuteAsync((copy, _) =>
        {
            copies.Add(copy);
            return ValueTask.FromException<int>(new TimeoutException("no answer"));
        }).AsTask().WaitAsync(Deadline));

        Assert.Equal([0, 0, 1, 1, 2, 2], copies.Order());
    }

    [Fact]
    public async Task AnyOtherFailure_IsNotRepeated()
    {
        var calls = new HedgedClusterCalls(_clock, NullLogger<HedgedClusterCalls>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => calls.ExecuteAsync((_, _) =>
        {
            Interlocked.Increment(ref _attempts);
            return ValueTask.FromException<int>(new InvalidOperationException("a bug, not the network"));
        }).AsTask());

        Assert.Equal(1, _attempts);
    }

    private static ValueTask<int> Answer(int value) => ValueTask.FromResult(value);
}
