using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Endpoints;
using Spotlight.ClientApi.Errors;
using Spotlight.GrainInterfaces;

namespace Spotlight.ClientApi.Audit;

/// <summary><c>GET /api/audit</c>: the trail for admins, newest first. There is no route that changes or removes
/// a record.</summary>
public static class AuditEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    private const int MaxFilterLength = 200;

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/audit", ReadAsync)
            .WithTags("Audit")
            .RequireAuthorization(Policies.Admin)
            .WithSummary("People's decisions, newest first: who, when, what, on which entity and why; optionally of one entity or one actor, a page at a time.");
        return endpoints;
    }

    public static async Task<Results<Ok<AuditTrailResponse>, ValidationProblem>> ReadAsync(
        string? entity, string? actor, string? cursor, int? limit, IAuditTrail trail, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (entity is { Length: 0 or > MaxFilterLength })
        {
            errors.Add(new("entity", $"An entity id of 1 to {MaxFilterLength} characters."));
        }

        if (actor is { Length: 0 or > MaxFilterLength })
        {
            errors.Add(new("actor", $"A user id of 1 to {MaxFilterLength} characters."));
        }

        var (before, take) = SequencePage.Read(cursor, limit, DefaultLimit, MaxLimit, errors);
        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        var page = await trail.ReadAsync(new AuditQuery(entity, actor, before, take), cancellationToken);
        return TypedResults.Ok(new AuditTrailResponse(page.Records, page.NextBefore?.ToString(CultureInfo.InvariantCulture)));
    }
}

/// <summary>A page of the trail, newest first; <c>nextCursor</c> continues with older records (null at the start of the trail).</summary>
public sealed record AuditTrailResponse(IReadOnlyList<AuditRecord> Entries, string? NextCursor);
