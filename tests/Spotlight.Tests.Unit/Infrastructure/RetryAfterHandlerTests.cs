using System.Net;
using System.Net.Http.Json;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Unit.Infrastructure;

/// <summary>The process tests' set-up calls wait out a "not yet" (503 with Retry-After), resend the same
/// request, and give up when their budget is spent; any other answer stands at once.</summary>
public sealed class RetryAfterHandlerTests
{
    [Fact]
    public async Task A503WithRetryAfter_IsSentAgain_WithTheSameBody_UntilAnotherAnswer()
    {
        var server = new Scripted(Unavailable(retryAfter: true), Unavailable(retryAfter: true), new HttpResponseMessage(HttpStatusCode.Created));
        var handler = new RetryAfterHandler(TimeSpan.FromMinutes(1), server);
        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1/") };

        var response = await client.PostAsJsonAsync("/api/titles", new { id = "t1" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, handler.Retries);
        Assert.Equal(3, server.Bodies.Count);
        Assert.All(server.Bodies, body => Assert.Equal("""{"id":"t1"}""", body));
    }

    [Fact]
    public async Task A503WithoutRetryAfter_OrAnotherRefusal_Stands()
    {
        var server = new Scripted(Unavailable(retryAfter: false), new HttpResponseMessage(HttpStatusCode.Conflict));
        var handler = new RetryAfterHandler(TimeSpan.FromMinutes(1), server);
        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1/") };

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/a")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync("/b")).StatusCode);
        Assert.Equal(0, handler.Retries);
    }

    [Fact]
    public async Task WhenTheBudgetIsSpent_TheLast503Stands()
    {
        var server = new Scripted([.. Enumerable.Range(0, 50).Select(_ => Unavailable(retryAfter: true))]);
        var handler = new RetryAfterHandler(TimeSpan.FromMilliseconds(350), server);
        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1/") };

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/a")).StatusCode);
        Assert.InRange(handler.Retries, 1, 3);
    }

    private static HttpResponseMessage Unavailable(bool retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        if (retryAfter)
        {
            response.Headers.RetryAfter = new(TimeSpan.FromMilliseconds(100));
        }

        return response;
    }

    /// <summary>Answers with the given responses in turn and keeps each request's body.</summary>
    private sealed class Scripted(params HttpResponseMessage[] answers) : HttpMessageHandler
    {
        private int _next;

        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
            return answers[_next++];
        }
    }
}
