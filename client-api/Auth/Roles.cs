namespace Spotlight.ClientApi.Auth;

/// <summary>The roles a token can carry (SPEC "Roles"); anonymous callers have none.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Reviewer = "reviewer";
    public const string Judge = "judge";
    public const string Partner = "partner";
    public const string Studio = "studio";
    public const string Artist = "artist";
    public const string Creator = "creator";
    public const string Ingest = "ingest";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Admin, Reviewer, Judge, Partner, Studio, Artist, Creator, Ingest,
    };
}
