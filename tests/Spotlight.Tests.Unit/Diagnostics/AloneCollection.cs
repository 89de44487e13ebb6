namespace Spotlight.Tests.Unit.Diagnostics;

[CollectionDefinition(Name, DisableParallelization = true)]
public class AloneCollection
{
    /// <summary>Tests that read the whole process's native heap, so no other test may allocate or free
    /// meanwhile (one did, and an 8 MB block seemed not to count).</summary>
    public const string Name = "alone";
}
