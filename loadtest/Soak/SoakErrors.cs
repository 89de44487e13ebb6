using System.Collections.Concurrent;

namespace Spotlight.LoadTest.Soak;

/// <summary>Every failed call of the soak, counted per operation, with the first few described in full.</summary>
public sealed class SoakErrors
{
    private const int Examples = 20;
    private readonly ConcurrentDictionary<string, long> _byOperation = new();
    private readonly ConcurrentQueue<string> _examples = new();

    public long Total => _byOperation.Values.Sum();

    public IReadOnlyDictionary<string, long> ByOperation => new SortedDictionary<string, long>(_byOperation);

    public IReadOnlyList<string> FirstExamples => [.. _examples];

    public void Record(string operation, string detail)
    {
        _byOperation.AddOrUpdate(operation, 1, (_, n) => n + 1);
        if (_examples.Count < Examples)
        {
            _examples.Enqueue($"{operation}: {detail}");
        }
    }

    /// <summary>Records a response that is not the expected status, with its body; true when it was expected.</summary>
    public async Task<bool> CheckAsync(string operation, HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        if (response.StatusCode == expected)
        {
            return true;
        }

        Record(operation, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return false;
    }
}
