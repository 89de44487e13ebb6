using Spotlight.GrainInterfaces.Artists;
using Spotlight.Grains.Domain;

namespace Spotlight.Grains.Artists;

public sealed class ArtistGrain(
    [PersistentState("artist", StorageNames.Default)] IPersistentState<ArtistState> state,
    TimeProvider clock) : Grain, IArtistGrain
{
    public async Task<ArtistCreateResult> CreateAsync(CreateArtistCommand command)
    {
        if (state.State.Profile is { } existing)
        {
            return new(ArtistCreateOutcome.AlreadyExists, existing, []);
        }

        var errors = ArtistProfileRules.Validate(command);
        if (errors.Count > 0)
        {
            return new(ArtistCreateOutcome.Invalid, null, errors);
        }

        var profile = ArtistProfileRules.ToProfile(this.GetPrimaryKeyString(), command, clock.GetUtcNow());
        state.State.Profile = profile;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // A failed write must not leave a profile in memory that storage never saw.
            state.State.Profile = null;
            throw;
        }

        return new(ArtistCreateOutcome.Created, profile, []);
    }

    public Task<ArtistProfile?> GetAsync() => Task.FromResult(state.State.Profile);
}
