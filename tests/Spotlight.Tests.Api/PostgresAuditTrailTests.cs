using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Spotlight.ClientApi.Audit;
using Spotlight.Silo.Migrations;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

/// <summary>The trail in PostgreSQL (postgres mode): what is appended reads back the same, newest first, by
/// entity and by actor, a page at a time; and the table itself refuses to change or lose a row.</summary>
public sealed class PostgresAuditTrailTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private NpgsqlDataSource _db = null!;
    private PostgresAuditTrail _trail = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await new MigrationRunner(connectionString, NullLogger<MigrationRunner>.Instance).ApplyAsync(MigrationCatalog.Load(), CancellationToken.None);
        _db = NpgsqlDataSource.Create(connectionString);
        _trail = new PostgresAuditTrail(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Records_ReadBackNewestFirst_ByEntityAndActor_APageAtATime()
    {
        var at = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            await _trail.AppendAsync(Record(at.AddMinutes(i), i % 2 == 0 ? "rei" : "ada", "track.review", $"track-{i % 3}", i == 1 ? "Not original." : null), CancellationToken.None);
        }

        var all = await _trail.ReadAsync(new AuditQuery(null, null, null, 10), CancellationToken.None);
        Assert.Equal([5L, 4, 3, 2, 1], all.Records.Select(r => r.Sequence));
        Assert.Null(all.NextBefore);
        var second = all.Records[3];
        Assert.Equal((at.AddMinutes(1), "ada", "track.review", "track", "track-1", "Not original.", "reject"),
            (second.At, second.Actor, second.Action, second.EntityKind, second.EntityId, second.Reason, second.Details.GetProperty("decision").GetString()));

        Assert.Equal(["track-1", "track-1"], (await _trail.ReadAsync(new AuditQuery("track-1", null, null, 10), CancellationToken.None)).Records.Select(r => r.EntityId));
        Assert.Equal([4L, 2], (await _trail.ReadAsync(new AuditQuery(null, "ada", null, 10), CancellationToken.None)).Records.Select(r => r.Sequence));
        Assert.Equal([4L], (await _trail.ReadAsync(new AuditQuery("track-0", "ada", null, 10), CancellationToken.None)).Records.Select(r => r.Sequence));

        var first = await _trail.ReadAsync(new AuditQuery(null, "rei", null, 2), CancellationToken.None);
        var rest = await _trail.ReadAsync(new AuditQuery(null, "rei", first.NextBefore, 2), CancellationToken.None);
        Assert.Equal([5L, 3], first.Records.Select(r => r.Sequence));
        Assert.Equal(3L, first.NextBefore);
        Assert.Equal([1L], rest.Records.Select(r => r.Sequence));
        Assert.Null(rest.NextBefore);
    }

    [Theory]
    [InlineData("UPDATE audit_trail SET reason = 'changed'")]
    [InlineData("DELETE FROM audit_trail")]
    [InlineData("TRUNCATE audit_trail")]
    public async Task TheTable_RefusesToChangeOrLoseARecord(string sql)
    {
        await _trail.AppendAsync(Record(DateTimeOffset.UtcNow, "rei", "video.policy", "video-1", "Spam."), CancellationToken.None);

        await using var command = _db.CreateCommand(sql);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        var kept = Assert.Single((await _trail.ReadAsync(new AuditQuery(null, null, null, 10), CancellationToken.None)).Records);
        Assert.Equal("Spam.", kept.Reason);
    }

    private static AuditRecord Record(DateTimeOffset at, string actor, string action, string entityId, string? reason) =>
        new(0, at, actor, action, entityId.Split('-')[0], entityId, reason,
            JsonSerializer.SerializeToElement(new { decision = reason is null ? "clear" : "reject", reason }));
}
