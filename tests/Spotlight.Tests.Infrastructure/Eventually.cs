using System.Diagnostics;

namespace Spotlight.Tests.Infrastructure;

/// <summary>Waits for a condition with a deadline, polling; the alternative to fixed sleeps.</summary>
public static class Eventually
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, TimeSpan? poll = null)
    {
        var interval = poll ?? TimeSpan.FromMilliseconds(100);
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < timeout)
        {
            try
            {
                if (await condition())
                {
                    return;
                }

                last = null;
            }
            catch (Exception ex)
            {
                last = ex;
            }

            await Task.Delay(interval);
        }

        throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for: {what}.", last);
    }

    /// <summary>As above, saying what was waited for as it stood at the deadline (say, the last figures read).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        try
        {
            await UntilAsync(condition, timeout, "", null);
        }
        catch (TimeoutException timedOut)
        {
            throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for: {what()}.", timedOut.InnerException);
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what);
}
