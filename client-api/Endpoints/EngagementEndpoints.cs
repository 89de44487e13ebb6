using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.ClientApi.Hosting;
using Spotlight.ClientApi.Json;
using Spotlight.ClientApi.Web;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Domain;
using Spotlight.Silo.Configuration;

namespace Spotlight.ClientApi.Endpoints;

public static class EngagementEndpoints
{
    public static IEndpointRouteBuilder MapEngagementEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/engagement", IngestAsync)
            .WithTags("Engagement")
            .RequireAuthorization(Policies.Ingest)
            .WithSummary("Post a batch of engagement events (at most 5,000); a batchId repeated within the dedupe window counts nothing and repeats the first answer.")
            .AllowingBodiesUpTo(RequestLimits.MaxIngestBodyBytes);
        return endpoints;
    }

    public static async Task<Results<Accepted<EngagementResponse>, ValidationProblem>> IngestAsync(
        EngagementBatchRequest request, IGrainFactory grains, HedgedClusterCalls hedged, IOptions<SpotlightOptions> options, TimeProvider clock, CancellationToken cancellationToken)
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

        var batch = ToIngestBatch(request.BatchId!, request.Events!, clock.GetUtcNow(), options.Value.Engagement.DedupeWindow);
        // Idempotent under its batch id, so a call lost with a dying gateway is sent again through another
        // (each copy to another of the equivalent stateless ingest grains, which the client routes apart).
        var outcome = await hedged.ExecuteAsync(async (copy, _) => await grains.GetGrain<IEngagementIngestGrain>(copy % EngagementIngestKeys.Count).IngestAsync(batch), cancellationToken);
        return TypedResults.Accepted((string?)null, new EngagementResponse(request.BatchId!, outcome.Accepted, outcome.Rejected, outcome.Duplicate));
    }

    /// <summary>The events whose own fields are acceptable, as columns; the others rejected one by one.</summary>
    private static IngestBatch ToIngestBatch(string batchId, IReadOnlyList<EngagementEventRequest?> events, DateTimeOffset now, TimeSpan dedupeWindow)
    {
        var rejected = new List<RejectedEvent>();
        var accepted = new List<int>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var problem = events[i] is { } e ? EngagementRules.CheckEvent(e.VideoId, e.Kind, e.Count, e.At, now, dedupeWindow) : "An event object is required.";
            if (problem is null)
            {
                accepted.Add(i);
            }
            else
            {
                rejected.Add(new RejectedEvent(i, problem));
            }
        }

        var n = accepted.Count;
        var (indices, videos, kinds, counts, at) = (new int[n], new string[n], new EngagementKind[n], new int[n], new long[n]);
        var nowSeconds = now.ToUnixTimeSeconds();
        for (var j = 0; j < n; j++)
        {
            var e = events[accepted[j]]!.Value;
            (indices[j], videos[j], kinds[j], counts[j]) = (accepted[j], e.VideoId!, EngagementRules.ParseKind(e.Kind)!.Value, e.Count ?? 1);
            at[j] = e.At?.ToUnixTimeSeconds() ?? nowSeconds;
        }

        return new IngestBatch(batchId, indices, videos, kinds, counts, at, rejected);
    }
}

[JsonConverter(typeof(EngagementBatchRequestConverter))]
public sealed record EngagementBatchRequest(string? BatchId, IReadOnlyList<EngagementEventRequest?>? Events);

/// <summary>One event of a batch: a struct with its strings pooled (see <see cref="EngagementBatchRequestConverter"/>),
/// because a request holds thousands, and each would otherwise be an object and two strings.</summary>
public struct EngagementEventRequest
{
    public string? VideoId { get; set; }

    public string? Kind { get; set; }

    public int? Count { get; set; }

    public DateTimeOffset? At { get; set; }
}

public sealed record EngagementResponse(string BatchId, int Accepted, IReadOnlyList<RejectedEvent> Rejected, bool Duplicate);

/// <summary>The engagement route's JSON, generated at build time: it is the hottest path of the API, and the
/// generated code reads a 5,000-event batch without reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(EngagementBatchRequest))]
[JsonSerializable(typeof(EngagementResponse))]
public sealed partial class EngagementJsonContext : JsonSerializerContext;
