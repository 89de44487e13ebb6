namespace Spotlight.ClientApi.Audit;

/// <summary>Which records to read, newest first: of one entity and/or one actor, older than
/// <see cref="Before"/> (a sequence, from the previous page), at most <see cref="Limit"/>.</summary>
public sealed record AuditQuery(string? EntityId, string? Actor, long? Before, int Limit);

/// <summary>A page of records, newest first, and the sequence to continue before (null on the last page).</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Records, long? NextBefore);
