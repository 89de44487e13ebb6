using Orleans.Concurrency;

namespace Spotlight.GrainInterfaces.Studios;

/// <summary>The titles of one studio (key: studio id), so a studio's dashboard can list them without a
/// scan of every title. A title adds itself when it is created.</summary>
[Alias("Spotlight.Studios.IStudioTitlesGrain")]
public interface IStudioTitlesGrain : IGrainWithStringKey
{
    [Alias("AddAsync")]
    Task AddAsync(string titleId);

    [AlwaysInterleave, Alias("GetAsync")]
    Task<IReadOnlyList<string>> GetAsync();
}
