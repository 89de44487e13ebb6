using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

/// <summary>Tests of the PostgreSQL stores and of silos hosted in the test process, on a private server of their
/// own; each takes its own database. They run one after another, beside the process-level tests of
/// <see cref="PostgresCollection"/>: the suite waits less, and still no two silo-process tests run at once.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresStoreCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres-store";
}
