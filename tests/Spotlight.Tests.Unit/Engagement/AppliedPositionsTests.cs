using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement.Projection;

namespace Spotlight.Tests.Unit.Engagement;

public class AppliedPositionsTests
{
    [Fact]
    public void ARangeRightAfterWhatIsHeld_IsApplied_EvenWithoutThePreviousEnd()
    {
        var positions = new AppliedPositions([10, 0]);

        Assert.Equal(NoticeVerdict.Apply, positions.Judge(new DeliveryRange(0, 11, 20, null)));
        positions.Advance(new DeliveryRange(0, 11, 20, null));
        Assert.Equal(20, positions[0]);
    }

    [Fact]
    public void ARangeAtOrBelowWhatIsHeld_IsSkipped()
    {
        var positions = new AppliedPositions([10]);

        Assert.Equal(NoticeVerdict.Skip, positions.Judge(new DeliveryRange(0, 5, 10, 4)));
        Assert.Equal(NoticeVerdict.Skip, positions.Judge(DeliveryRange.Resync(0, 10)));
    }

    [Fact]
    public void AGap_IsAcceptedOnlyWhenTheProjectorSaysItsLastNoticeEndedWithinWhatIsHeld()
    {
        var positions = new AppliedPositions([10]);

        // Offsets 11..29 touched other receivers: the projector's last notice to this one ended at 8.
        Assert.Equal(NoticeVerdict.Apply, positions.Judge(new DeliveryRange(0, 30, 40, 8)));
        // It says its last notice ended at 25, which this receiver never took: it missed one.
        Assert.Equal(NoticeVerdict.Reload, positions.Judge(new DeliveryRange(0, 30, 40, 25)));
        // It does not know (it restarted): only the store can tell.
        Assert.Equal(NoticeVerdict.Reload, positions.Judge(new DeliveryRange(0, 30, 40, null)));
    }

    [Fact]
    public void ARangeOverlappingWhatIsHeld_OrAResyncPastIt_MakesTheReceiverReload()
    {
        var positions = new AppliedPositions([10]);

        Assert.Equal(NoticeVerdict.Reload, positions.Judge(new DeliveryRange(0, 8, 15, 7)));
        Assert.Equal(NoticeVerdict.Reload, positions.Judge(DeliveryRange.Resync(0, 11)));
        Assert.Equal(NoticeVerdict.Reload, positions.Judge(new DeliveryRange(5, 1, 2, null)));
    }
}
