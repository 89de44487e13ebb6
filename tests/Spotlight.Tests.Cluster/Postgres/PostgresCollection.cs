using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

/// <summary>Process-level tests (silo, API and PostgreSQL processes) that share one private PostgreSQL server;
/// each takes its own database. They run one after another, which also keeps silo processes from competing for
/// the machine's two cores. Store tests have a server of their own (<see cref="PostgresStoreCollection"/>).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
