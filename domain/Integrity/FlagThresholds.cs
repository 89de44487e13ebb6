namespace Spotlight.Domain.Integrity;

/// <summary>
/// When engagement looks manufactured. A rate jump: the views of a <see cref="JumpWindowMinutes"/> window reach
/// <see cref="JumpFactor"/> times the video's mean for such a window over the <see cref="BaselineMinutes"/> before
/// it (and at least <see cref="MinJumpViews"/>), while its interactions per view in that window are below
/// <see cref="LowInteractionShare"/> of the round's median. Concentration: at least <see cref="ConcentratedShare"/>
/// of the video's views (at least <see cref="MinConcentratedViews"/>) within <see cref="ConcentratedMinutes"/>.
/// </summary>
public sealed record FlagThresholds
{
    public int JumpWindowMinutes { get; init; } = 10;
    public int BaselineMinutes { get; init; } = 360;
    public double JumpFactor { get; init; } = 10;
    public long MinJumpViews { get; init; } = 500;
    public double LowInteractionShare { get; init; } = 0.25;
    public int ConcentratedMinutes { get; init; } = 15;
    public double ConcentratedShare { get; init; } = 0.8;
    public long MinConcentratedViews { get; init; } = 1_000;
}
