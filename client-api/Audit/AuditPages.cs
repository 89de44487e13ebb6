namespace Spotlight.ClientApi.Audit;

public static class AuditPages
{
    /// <summary>A page from up to <paramref name="limit"/> + 1 records read newest first: the extra one only says
    /// that there is more.</summary>
    public static AuditPage Of(IReadOnlyList<AuditRecord> newestFirst, int limit) =>
        newestFirst.Count > limit
            ? new AuditPage([.. newestFirst.Take(limit)], newestFirst[limit - 1].Sequence)
            : new AuditPage(newestFirst, null);
}
