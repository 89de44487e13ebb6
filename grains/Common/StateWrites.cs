namespace Spotlight.Grains.Common;

public static class StateWrites
{
    /// <summary>
    /// Writes the state; if storage refuses, the activation is dropped before the error goes back, so that
    /// nothing storage did not take is ever served from memory: the next call activates from storage.
    /// (Grains change their state in memory first, then write; this is the one rule for a failed write.)
    /// </summary>
    public static async Task WriteOrDropActivationAsync<T>(this IPersistentState<T> state, IGrainBase grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, ex, "A state write failed."));
            throw;
        }
    }
}
