using Spotlight.Silo.Migrations;

namespace Spotlight.Tests.Unit.Migrations;

public class MigrationCatalogTests
{
    [Theory]
    [InlineData("0001_orleans_query_table.sql", 1, "orleans_query_table")]
    [InlineData("0012_more.sql", 12, "more")]
    public void ParseFileName_VersionAndName(string file, int version, string name) =>
        Assert.Equal((version, name), MigrationCatalog.ParseFileName(file));

    [Theory]
    [InlineData("orleans.sql")]
    [InlineData("0000_zero.sql")]
    [InlineData("_nothing.sql")]
    [InlineData("x1_bad.sql")]
    public void ParseFileName_BadName_Throws(string file) =>
        Assert.Throws<FormatException>(() => MigrationCatalog.ParseFileName(file));

    [Fact]
    public void Load_VersionsRunFromOneWithoutGaps()
    {
        var migrations = MigrationCatalog.Load();

        Assert.NotEmpty(migrations);
        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        Assert.All(migrations, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
    }

    [Fact]
    public void Load_ChecksumsAreStableAndDistinct()
    {
        var first = MigrationCatalog.Load();
        var second = MigrationCatalog.Load();

        Assert.Equal(first.Select(m => m.Checksum), second.Select(m => m.Checksum));
        Assert.Equal(first.Count, first.Select(m => m.Checksum).Distinct().Count());
    }

    [Fact]
    public void Load_ScriptsDoNotManageTheirOwnTransactions()
    {
        // The runner wraps each script in a transaction with its version row; a COMMIT inside would break that.
        Assert.All(MigrationCatalog.Load(), m =>
            Assert.DoesNotMatch(@"(?im)^\s*(BEGIN|COMMIT|ROLLBACK)\s*;", m.Sql));
    }
}
