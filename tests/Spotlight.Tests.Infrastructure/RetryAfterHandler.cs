using System.Net;

namespace Spotlight.Tests.Infrastructure;

/// <summary>
/// For a process-level test's set-up calls: a 503 that carries Retry-After is the API saying "not yet" (the
/// cluster is starting, or slow on a loaded machine), so the call is sent again after the wait it asks for,
/// within <paramref name="budget"/>; then the last answer stands. A test then fails only for what it tests.
/// Not for the traffic a test measures, where every refusal must count.
/// </summary>
public sealed class RetryAfterHandler(TimeSpan budget, HttpMessageHandler? inner = null) : DelegatingHandler(inner ?? new HttpClientHandler())
{
    /// <summary>The longest single wait, whatever Retry-After says.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    /// <summary>How many times a call was sent again, over this handler's life.</summary>
    public int Retries { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A request is sent once; later attempts are copies, with the body read once here.
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var deadline = DateTimeOffset.UtcNow + budget;
        for (var attempt = request; ; attempt = Copy(request, body))
        {
            var response = await base.SendAsync(attempt, cancellationToken);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || WaitOf(response) is not { } wait || DateTimeOffset.UtcNow + wait > deadline)
            {
                return response;
            }

            response.Dispose();
            Retries++;
            await Task.Delay(wait, cancellationToken);
        }
    }

    private static TimeSpan? WaitOf(HttpResponseMessage response)
    {
        var wait = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, TimeSpan.FromMilliseconds(100).Ticks, MaxWait.Ticks)) : null;
    }

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var (name, values) in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var (name, values) in request.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return copy;
    }
}
