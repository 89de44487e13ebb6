namespace Spotlight.GrainInterfaces;

/// <summary>One invalid input field (camelCase, as the HTTP API names it) and why.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.FieldError")]
public sealed record FieldError(
    [property: Id(0)] string Field,
    [property: Id(1)] string Message);
