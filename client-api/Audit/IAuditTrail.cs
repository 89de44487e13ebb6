namespace Spotlight.ClientApi.Audit;

/// <summary>The append-only trail of people's decisions: memory in embedded mode, the <c>audit_trail</c> table
/// in postgres mode. There is no way to change or remove a record.</summary>
public interface IAuditTrail
{
    /// <summary>Appends the record; its <see cref="AuditRecord.Sequence"/> is ignored and assigned here.</summary>
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken cancellationToken);
}
