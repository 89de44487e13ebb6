namespace Spotlight.Domain;

public static class GrainCalls
{
    /// <summary>
    /// Calls <paramref name="call"/> for every key, at most <paramref name="batchSize"/> at a time, and
    /// collects the answers by key. Awaits on the calling grain's scheduler, so it is safe inside a grain
    /// turn (unlike thread-pool parallel loops).
    /// </summary>
    public static async Task<Dictionary<string, T>> InBatchesAsync<T>(
        IEnumerable<string> keys, int batchSize, Func<string, Task<T>> call, CancellationToken cancellationToken = default)
    {
        var answers = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var batch in keys.Distinct(StringComparer.Ordinal).Chunk(batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var results = await Task.WhenAll(batch.Select(call));
            for (var i = 0; i < batch.Length; i++)
            {
                answers[batch[i]] = results[i];
            }
        }

        return answers;
    }
}
