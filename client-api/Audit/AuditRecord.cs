using System.Text.Json;

namespace Spotlight.ClientApi.Audit;

/// <summary>A person's decision as the trail keeps it: who (the token's subject), when, what (an action such as
/// <c>track.review</c>), on which entity, why (the reason they gave, if any) and the rest of what they sent.
/// <see cref="Sequence"/> is the trail's own order, assigned when the record is appended.</summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Action,
    string EntityKind,
    string EntityId,
    string? Reason,
    JsonElement Details);
