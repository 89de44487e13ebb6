using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Audit;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.Domain.Alerts;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.GrainInterfaces.Titles.Alerts;

namespace Spotlight.ClientApi.Endpoints;

/// <summary>A studio's trend alerts on its titles: rules, fired alerts a page at a time, and fired alerts live.</summary>
public static class TitleAlertEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>How often a live watcher's title is asked for new alerts: an alert reaches the page within this
    /// of being recorded.</summary>
    public static readonly TimeSpan LivePollInterval = TimeSpan.FromMilliseconds(250);

    public static IEndpointRouteBuilder MapTitleAlertEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var alerts = endpoints.MapGroup("/titles/{id}/alerts").WithTags("Titles");
        alerts.MapPost("/", AddAsync)
            .RequireAuthorization(Policies.Studio)
            .WithSummary("Add a trend alert to a title (its studio): engagement-rate (views on matching videos in a window above threshold), video-breakout (one video's views in a window above threshold) or hashtag-rising (a hashtag's engagement in a window at least factor times the window before, and at least threshold). Windows are minutes that divide a day; each fires at most once. The rule counts engagement applied from now on.")
            .Audited("alert-rule.create", "title");
        alerts.MapGet("/", ListAsync)
            .RequireAuthorization(Policies.StudioOrAdmin)
            .WithSummary("A title's trend alert rules (its studio, or an admin).");
        alerts.MapGet("/fired", ListFiredAsync)
            .RequireAuthorization(Policies.StudioOrAdmin)
            .WithSummary("A title's fired alerts, newest first, a page at a time (its studio, or an admin).");
        alerts.MapGet("/live", WatchFiredAsync)
            .RequireAuthorization(Policies.StudioOrAdmin)
            .WithSummary("A title's alerts as they fire, as server-sent events named 'alert' (its studio, or an admin); the event id is the alert's sequence, so a reconnect with Last-Event-ID misses none.");
        return endpoints;
    }

    public static async Task<Results<Created<AlertRuleResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AddAsync(
        string id, CreateAlertRuleCommand request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await grains.GetGrain<ITitleHubGrain>(id).GetAsync() is not { } title)
        {
            return TypedResults.NotFound();
        }

        if (!user.IsStudioOf(title.StudioId))
        {
            return Problems.Forbidden("Only the title's studio (the token's studioId claim) adds its alerts.");
        }

        var result = await grains.GetGrain<ITitleAlertsGrain>(id).AddRuleAsync(request, user.SubjectId());
        return result.Outcome switch
        {
            AlertRuleAdded.Added => TypedResults.Created($"/api/titles/{id}/alerts", AlertRuleResponse.From(result.Value!)),
            AlertRuleAdded.IdTaken => Problems.Conflict($"The title already has an alert with id '{request.Id}'."),
            AlertRuleAdded.TitleFull => Problems.Conflict($"A title has at most {Grains.Engagement.Alerts.AlertRetention.MaxRulesPerTitle} alerts."),
            _ => FieldProblems.From(result.Errors),
        };
    }

    public static async Task<Results<Ok<IReadOnlyList<AlertRuleResponse>>, NotFound, ProblemHttpResult>> ListAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        switch (await AccessAsync(id, user, grains))
        {
            case Access.NoTitle:
                return TypedResults.NotFound();
            case Access.NotAllowed:
                return ReadRefused();
        }

        return TypedResults.Ok<IReadOnlyList<AlertRuleResponse>>([.. (await grains.GetGrain<ITitleAlertsGrain>(id).GetRulesAsync()).Select(AlertRuleResponse.From)]);
    }

    public static async Task<Results<Ok<FiredAlertsResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ListFiredAsync(
        string id, string? cursor, int? limit, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        var (before, take) = SequencePage.Read(cursor, limit, DefaultLimit, MaxLimit, errors);
        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        switch (await AccessAsync(id, user, grains))
        {
            case Access.NoTitle:
                return TypedResults.NotFound();
            case Access.NotAllowed:
                return ReadRefused();
        }

        var fired = await grains.GetGrain<ITitleAlertsGrain>(id).GetFiredAsync(before, take + 1);
        var page = fired.Take(take).Select(FiredAlertResponse.From).ToList();
        return TypedResults.Ok(new FiredAlertsResponse(page, fired.Count > take ? page[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null));
    }

    public static async Task<Results<ServerSentEventsResult<FiredAlertResponse>, NotFound, ValidationProblem, ProblemHttpResult>> WatchFiredAsync(
        string id, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        long? lastSeen = null;
        if (request.Headers["Last-Event-ID"] is [{ } header])
        {
            if (!long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return FieldProblems.From([new FieldError("Last-Event-ID", "The id of the last alert event received.")]);
            }

            lastSeen = parsed;
        }

        switch (await AccessAsync(id, user, grains))
        {
            case Access.NoTitle:
                return TypedResults.NotFound();
            case Access.NotAllowed:
                return ReadRefused();
        }

        var alerts = grains.GetGrain<ITitleAlertsGrain>(id);
        // A new watcher starts with what fires from now on; one that reconnects, after what it saw.
        var after = lastSeen ?? ((await alerts.GetFiredAsync(null, 1)) is [var newest] ? newest.Sequence : 0);
        return TypedResults.ServerSentEvents(StreamAsync(alerts, after, request.HttpContext.Response, loggers.CreateLogger(typeof(TitleAlertEndpoints)), cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<FiredAlertResponse>> StreamAsync(
        ITitleAlertsGrain alerts, long after, HttpResponse response, ILogger logger, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Alerts are rare: the response starts now, not with the first of them, so the watcher knows it is on.
        await response.Body.FlushAsync(cancellationToken);
        using var timer = new PeriodicTimer(LivePollInterval);
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<FiredAlert> fired = [];
            try
            {
                fired = await alerts.GetFiredSinceAsync(after, MaxLimit);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The cluster may be briefly unreachable: the watcher keeps its place and asks again.
                logger.LogWarning(ex, "Reading a title's fired alerts for a live watcher failed; retrying");
            }

            foreach (var alert in fired)
            {
                after = alert.Sequence;
                yield return new SseItem<FiredAlertResponse>(FiredAlertResponse.From(alert), "alert") { EventId = alert.Sequence.ToString(CultureInfo.InvariantCulture) };
            }

            try
            {
                await timer.WaitForNextTickAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private static async Task<Access> AccessAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.GetGrain<ITitleHubGrain>(id).GetAsync() is not { } title ? Access.NoTitle
        : user.ActsForStudio(title.StudioId) ? Access.Allowed
        : Access.NotAllowed;

    private static ProblemHttpResult ReadRefused() =>
        Problems.Forbidden("Only the title's studio (the token's studioId claim) and admins read its alerts.");

    private enum Access
    {
        Allowed,
        NoTitle,
        NotAllowed,
    }
}

public sealed record AlertRuleResponse(string Id, string TitleId, string Kind, long Threshold, int Window, decimal? Factor, string CreatedBy, DateTimeOffset CreatedAt)
{
    public static AlertRuleResponse From(AlertRule rule) => new(
        rule.Id, rule.TitleId, AlertRules.NameOf(rule.Kind), rule.Threshold, rule.WindowMinutes, rule.Kind == AlertKind.HashtagRising ? rule.Factor : null, rule.CreatedBy, rule.CreatedAt);
}

/// <summary>An alert that fired: <c>sequence</c> orders a title's alerts; <c>subject</c> is the video or hashtag
/// that crossed the line (none for engagement-rate); <c>figure</c> the window's count when it fired.</summary>
public sealed record FiredAlertResponse(long Sequence, string RuleId, string Kind, DateTimeOffset WindowStart, int Window, string? Subject, long Figure, DateTimeOffset FiredAt)
{
    public static FiredAlertResponse From(FiredAlert alert) => new(
        alert.Sequence, alert.RuleId, AlertRules.NameOf(alert.Kind), alert.WindowStart, alert.WindowMinutes, alert.Subject, alert.Figure, alert.FiredAt);
}

/// <summary>A page of fired alerts, newest first; <c>nextCursor</c> continues with older ones (null: no more).</summary>
public sealed record FiredAlertsResponse(IReadOnlyList<FiredAlertResponse> Alerts, string? NextCursor);
