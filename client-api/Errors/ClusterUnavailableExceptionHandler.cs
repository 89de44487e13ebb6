using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;
using Spotlight.ClientApi.Hosting;
using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.ClientApi.Errors;

/// <summary>
/// When the API cannot reach the cluster (no gateway, a silo gone, a call timing out), the honest answer is
/// 503 with Retry-After, as /readyz says, not a 500 that reads like a bug.
/// </summary>
public sealed class ClusterUnavailableExceptionHandler(IProblemDetailsService problemDetails, ClusterConnection connection, GrainTypesProbe grainTypes) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is EngagementLogUnavailableException)
        {
            // The cluster answered, its database did not: nothing was accepted, and the batch may come again.
            return await WriteAsync(httpContext, exception, "1", "The engagement log is not reachable right now.",
                "Nothing of the batch was accepted; send it again under the same batchId.");
        }

        var unreachable = HedgedClusterCalls.IsUnreachable(exception);
        // Before the first connection, or connected but before the silos' manifests have come, the client
        // knows no grain types, so resolving a grain throws ArgumentException; that is "not yet" too.
        var notYet = !connection.HasConnected || (exception is ArgumentException && !grainTypes.Known());
        if (!unreachable && !notYet)
        {
            return false;
        }

        return await WriteAsync(httpContext, exception, "5", "The cluster is not reachable right now.",
            "Try again shortly; /readyz reports when the API reaches the cluster again.");
    }

    private async ValueTask<bool> WriteAsync(HttpContext httpContext, Exception exception, string retryAfter, string title, string detail)
    {
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = retryAfter;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = detail },
            Exception = exception,
        });
    }
}
