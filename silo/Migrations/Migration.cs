namespace Spotlight.Silo.Migrations;

/// <summary>One versioned schema script; <see cref="Checksum"/> detects an edited script that was already applied.</summary>
public sealed record Migration(int Version, string Name, string Sql, string Checksum);
