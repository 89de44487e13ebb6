namespace Spotlight.Tests.Cluster.Probes;

/// <summary>Test grain: registers a reminder and records, in grain storage, which silo each tick ran on.</summary>
[Alias("Spotlight.Tests.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    [Alias("StartAsync")]
    Task StartAsync(TimeSpan dueTime, TimeSpan period);

    [Alias("GetTicksAsync")]
    Task<IReadOnlyList<ReminderTick>> GetTicksAsync();
}

[GenerateSerializer, Immutable, Alias("Spotlight.Tests.ReminderTick")]
public sealed record ReminderTick([property: Id(0)] string SiloAddress, [property: Id(1)] DateTimeOffset At);
