namespace Spotlight.Tests.Api;

[CollectionDefinition(Name, DisableParallelization = true)]
public class AloneCollection
{
    /// <summary>Tests that measure the whole process's memory, so no other test may allocate meanwhile.</summary>
    public const string Name = "alone";
}
