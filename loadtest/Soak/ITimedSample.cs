namespace Spotlight.LoadTest.Soak;

/// <summary>A reading taken during the soak, at a second of its clock.</summary>
public interface ITimedSample
{
    double AtSecond { get; }
}
