namespace Spotlight.LoadTest.Soak;

/// <summary>One HTTP client per caller of the soak, each with its own token (and so its own rate limit).</summary>
public sealed record SoakClients(HttpClient Anonymous, HttpClient Ingest, HttpClient Admin, HttpClient Reviewer, HttpClient Judge, string JudgeId) : IDisposable
{
    public static async Task<SoakClients> CreateAsync(SpotlightClient api, string runId)
    {
        var judgeId = $"lt-judge-{runId}";
        return new SoakClients(
            api.Anonymous(),
            await api.ForAsync($"lt-ingest-{runId}", "ingest"),
            await api.ForAsync($"lt-admin-{runId}", "admin"),
            await api.ForAsync($"lt-reviewer-{runId}", "reviewer"),
            await api.ForAsync(judgeId, "judge"),
            judgeId);
    }

    public void Dispose()
    {
        foreach (var client in new[] { Anonymous, Ingest, Admin, Reviewer, Judge })
        {
            client.Dispose();
        }
    }
}
