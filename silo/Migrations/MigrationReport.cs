namespace Spotlight.Silo.Migrations;

/// <summary>The versions this run applied, and how many are applied in all.</summary>
public sealed record MigrationReport(IReadOnlyList<int> Applied, int Total);
