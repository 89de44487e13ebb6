using Spotlight.Grains.Engagement;

namespace Spotlight.Silo.Hosting;

/// <summary>The meters a Spotlight process exports: Orleans' own (messaging, grains, storage, streams) and
/// Spotlight's (<see cref="EngagementMetrics"/>).</summary>
public static class SiloTelemetry
{
    public const string OrleansMeter = "Microsoft.Orleans";

    public static readonly string[] Meters = [OrleansMeter, EngagementMetrics.MeterName];
}
