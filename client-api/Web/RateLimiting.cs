using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Spotlight.ClientApi.Auth;

namespace Spotlight.ClientApi.Web;

/// <summary>
/// ASP.NET Core's rate limiter over every request that changes something (POST, PUT, PATCH, DELETE), one
/// token bucket per caller. A refused request gets 429 with <c>Retry-After</c> and a problem detail, and
/// reaches no endpoint, so it changes nothing.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddSpotlightRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("reads");
                }

                var options = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
                var user = context.User;
                var (key, perSecond, burst) = user.SubjectOrNull() is not { } subject
                    ? ($"address:{context.Connection.RemoteIpAddress}", options.AnonymousPerSecond, options.AnonymousBurst)
                    : user.IsInRole(Roles.Ingest)
                        ? ($"ingest:{subject}", options.IngestPerSecond, options.IngestBurst)
                        : ($"caller:{subject}", options.PerSecond, options.Burst);
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, burst),
                    TokensPerPeriod = Math.Max(1, perSecond),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                var http = rejected.HttpContext;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = $"This caller sent more changes than it may; retry after {retryAfter} s.",
                    },
                });
            };
        });
        return services;
    }
}
