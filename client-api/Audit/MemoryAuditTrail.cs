namespace Spotlight.ClientApi.Audit;

/// <summary>The trail in embedded mode: the whole system is this one process, so a list is the trail.</summary>
public sealed class MemoryAuditTrail : IAuditTrail
{
    private readonly List<AuditRecord> _records = [];

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        lock (_records)
        {
            _records.Add(record with { Sequence = _records.Count + 1 });
        }

        return Task.CompletedTask;
    }

    public Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        lock (_records)
        {
            var matching = Enumerable.Range(0, (int)Math.Min(query.Before - 1 ?? _records.Count, _records.Count))
                .Reverse()
                .Select(i => _records[i])
                .Where(r => (query.EntityId is null || r.EntityId == query.EntityId) && (query.Actor is null || r.Actor == query.Actor))
                .Take(query.Limit + 1)
                .ToList();
            return Task.FromResult(AuditPages.Of(matching, query.Limit));
        }
    }
}
