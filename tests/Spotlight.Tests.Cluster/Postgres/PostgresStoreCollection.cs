using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

/// <summary>Tests of the PostgreSQL stores and of silos hosted in the test process, on a private server of their
/// own; each takes its own database. They run one after another, beside the process-level tests of
/// <see cref="PostgresCollection"/> (at most one silo process test at a time keeps the wait for the suite short
/// without silo processes competing with each other for the machine's two cores).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresStoreCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres-store";
}
