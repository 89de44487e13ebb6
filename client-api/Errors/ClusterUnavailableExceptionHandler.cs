using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;
using Spotlight.ClientApi.Hosting;

namespace Spotlight.ClientApi.Errors;

/// <summary>
/// When the API cannot reach the cluster (no gateway, a silo gone, a call timing out), the honest answer is
/// 503 with Retry-After, as /readyz says, not a 500 that reads like a bug.
/// </summary>
public sealed class ClusterUnavailableExceptionHandler(IProblemDetailsService problemDetails, ClusterConnection connection) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var unreachable = ClusterRetry.IsUnreachable(exception);
        // Before the first connection the client knows no grain types yet, so any call fails; that is "not yet".
        if (!unreachable && connection.HasConnected)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The cluster is not reachable right now.",
                Detail = "Try again shortly; /readyz reports when the API reaches the cluster again.",
            },
            Exception = exception,
        });
    }
}
