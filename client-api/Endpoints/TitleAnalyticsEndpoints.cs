using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.ClientApi.Names;
using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.Domain.Analytics;
using Spotlight.Domain;

namespace Spotlight.ClientApi.Endpoints;

public static class TitleAnalyticsEndpoints
{
    private const int ParallelDays = 32;

    public static IEndpointRouteBuilder MapTitleAnalyticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/titles/{id}/analytics", GetAsync)
            .WithTags("Titles")
            .RequireAuthorization(Policies.StudioOrAdmin)
            .WithSummary("A title's fandom (its studio, or an admin): engagement on matching and linked videos, hub visits and click-throughs per provider, as totals and a minute, hour or day series from 'from' to 'to', with top videos, creators and hashtags.");
        return endpoints;
    }

    public static async Task<Results<Ok<TitleAnalytics>, NotFound, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, string? from, string? to, [AllowedValues("minute", "hour", "day")] string? bucket, int? top, ClaimsPrincipal user, IGrainFactory grains, RowNames names, TimeProvider clock)
    {
        var (range, errors) = AnalyticsRangeRules.Validate(from, to, bucket, top, clock.GetUtcNow());
        if (range is null)
        {
            return FieldProblems.From(errors);
        }

        if (await grains.GetGrain<ITitleHubGrain>(id).GetAsync() is not { } title)
        {
            return TypedResults.NotFound();
        }

        if (!user.ActsForStudio(title.StudioId))
        {
            return Problems.Forbidden("Only the title's studio (the token's studioId claim) and admins read its analytics.");
        }

        var dayKeys = Enumerable.Range(0, (int)(range.LastDay - range.FirstDay + 1)).Select(d => TitleAnalyticsKeys.Day(id, range.FirstDay + d));
        var days = await GrainCalls.InBatchesAsync(dayKeys, ParallelDays, key => grains.GetGrain<ITitleDayAnalyticsGrain>(key).GetAsync(range.FromMinute, range.ToMinute));
        var report = TitleAnalyticsReport.Build(id, range, days.Values);
        // Videos by their captions, joined here so the dashboard needs no call per row.
        var captions = await names.CaptionsAsync(report.Top.Videos.Select(v => v.Id));
        return TypedResults.Ok(report with
        {
            Top = report.Top with { Videos = [.. report.Top.Videos.Select(v => v with { Name = captions.GetValueOrDefault(v.Id) is { Length: > 0 } caption ? caption : null })] },
        });
    }
}
