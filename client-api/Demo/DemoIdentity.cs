namespace Spotlight.ClientApi.Demo;

/// <summary>A person to try the demo as: one click on the sign-in page mints their token.</summary>
public sealed record DemoIdentity(string Sub, IReadOnlyList<string> Roles, string? StudioId, string Label);
