using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Hosting;
using Spotlight.ClientApi.Web;
using Spotlight.ClientApi.Errors;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Domain;

namespace Spotlight.ClientApi.Endpoints;

public static class EngagementEndpoints
{
    public static IEndpointRouteBuilder MapEngagementEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/engagement", IngestAsync)
            .WithTags("Engagement")
            .RequireAuthorization(Policies.Ingest)
            .WithSummary("Post a batch of engagement events (at most 5,000); a repeated batchId counts nothing.")
            .AllowingBodiesUpTo(RequestLimits.MaxIngestBodyBytes);
        return endpoints;
    }

    public static async Task<Results<Accepted<EngagementResponse>, ValidationProblem>> IngestAsync(
        EngagementBatchRequest request, IGrainFactory grains, KnownVideos videos, ClusterRetry retry, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!ResourceIds.IsValid(request.BatchId))
        {
            errors.Add(new("batchId", $"A batch id of {ResourceIdRules.Description}."));
        }

        if (request.Events is null)
        {
            errors.Add(new("events", "A list of events is required."));
        }
        else if (request.Events.Count > EngagementRules.MaxEventsPerBatch)
        {
            errors.Add(new("events", $"At most {EngagementRules.MaxEventsPerBatch} events a batch (got {request.Events.Count})."));
        }

        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        var now = clock.GetUtcNow();
        var events = request.Events!;
        var rejected = new List<RejectedEvent>();
        var candidates = new List<(int Index, EngagementEventRequest Event)>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var problem = e is null ? "An event object is required." : EngagementRules.CheckEvent(e.VideoId, e.Kind, e.Count, e.At, now);
            if (problem is null)
            {
                candidates.Add((i, e!));
            }
            else
            {
                rejected.Add(new RejectedEvent(i, problem));
            }
        }

        // Both calls are idempotent (a read; an append under the batch id), so a gateway lost mid-call is retried.
        var known = await retry.ExecuteAsync(async _ => await videos.ResolveAsync(candidates.Select(c => c.Event.VideoId!)), cancellationToken);
        var records = new List<EngagementRecord>(candidates.Count);
        foreach (var (index, e) in candidates)
        {
            if (known.TryGetValue(e.VideoId!, out var video))
            {
                records.Add(new EngagementRecord(e.VideoId!, video.TrackId, EngagementRules.ParseKind(e.Kind)!.Value, e.Count ?? 1, e.At ?? now));
            }
            else
            {
                rejected.Add(new RejectedEvent(index, "videoId: no video with this id is registered."));
            }
        }

        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        var duplicate = await retry.ExecuteAsync(async _ => await grains.GetGrain<IEngagementIngestGrain>(0).IngestAsync(request.BatchId!, records), cancellationToken);
        var response = duplicate
            ? new EngagementResponse(request.BatchId!, 0, [], Duplicate: true)
            : new EngagementResponse(request.BatchId!, records.Count, rejected, Duplicate: false);
        return TypedResults.Accepted((string?)null, response);
    }
}

public sealed record EngagementBatchRequest(string? BatchId, IReadOnlyList<EngagementEventRequest?>? Events);

public sealed record EngagementEventRequest(string? VideoId, string? Kind, int? Count, DateTimeOffset? At);

public sealed record RejectedEvent(int Index, string Error);

public sealed record EngagementResponse(string BatchId, int Accepted, IReadOnlyList<RejectedEvent> Rejected, bool Duplicate);
