namespace Spotlight.ClientApi.Demo;

/// <summary>The demo's sizes (<c>Spotlight:DemoScale</c>); the demo itself is switched on by <c>Spotlight:Demo=true</c>
/// or <c>--demo</c>. Settings, so that a test can run a small one.</summary>
public sealed class DemoOptions
{
    public const string Switch = "Spotlight:Demo";
    public const string Section = "Spotlight:DemoScale";

    public int Artists { get; set; } = 200;

    public int Partners { get; set; } = 21;

    public int Judges { get; set; } = 3;

    /// <summary>Videos per title and per track: fan videos that use the tracks and tag the titles.</summary>
    public int VideosPerTrack { get; set; } = 2;

    /// <summary>The generator's steady rate; a viral burst multiplies it for a few seconds now and then.</summary>
    public int EventsPerSecond { get; set; } = 300;

    public TimeSpan BurstEvery { get; set; } = TimeSpan.FromSeconds(45);
}
