using Microsoft.AspNetCore.Mvc;

namespace Spotlight.ClientApi.Web;

/// <summary>How large a request body may be: 1 MiB for every route (a title or a season is a few KiB),
/// 4 MiB for engagement batches (5,000 events). Larger bodies get 413 before they are read.</summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 1024 * 1024;
    public const long MaxIngestBodyBytes = 4 * 1024 * 1024;

    /// <summary>What a 413 problem says of its field, <c>body</c>.</summary>
    public const string TooLargeMessage = "The body is larger than this route accepts.";

    public static WebApplicationBuilder AddSpotlightRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        return builder;
    }

    /// <summary>A route that takes larger bodies than the default.</summary>
    public static RouteHandlerBuilder AllowingBodiesUpTo(this RouteHandlerBuilder route, long bytes) =>
        route.WithMetadata(new RequestSizeLimitAttribute(bytes));
}
