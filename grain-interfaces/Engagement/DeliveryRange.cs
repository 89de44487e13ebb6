namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>
/// Which part of a partition's log a notice comes from: offsets <see cref="First"/> to <see cref="Last"/>,
/// committed by the partition's projector in one transaction. <see cref="PreviousEnd"/> is where the last
/// notice this projector sent the same receiver ended (null when it does not know, after a restart): a
/// receiver that holds less than that missed a notice and reloads from the store instead of guessing.
/// </summary>
/// <remarks>A resync notice (<see cref="IsResync"/>, first offset 0, no content) tells a receiver only that
/// it must hold the partition up to <see cref="Last"/>, and reload if it does not.</remarks>
[GenerateSerializer, Immutable, Alias("Spotlight.Engagement.DeliveryRange")]
public sealed record DeliveryRange(
    [property: Id(0)] int Partition,
    [property: Id(1)] long First,
    [property: Id(2)] long Last,
    [property: Id(3)] long? PreviousEnd)
{
    public bool IsResync => First == 0;

    public static DeliveryRange Resync(int partition, long upTo) => new(partition, 0, upTo, null);
}
