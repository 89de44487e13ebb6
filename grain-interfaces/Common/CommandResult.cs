namespace Spotlight.GrainInterfaces;

/// <summary>What a command did to a grain: an outcome of the command's own kind, the resulting value
/// (when there is one to show) and, for invalid input, each bad field.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.CommandResult`2")]
public sealed record CommandResult<TOutcome, TValue>(
    [property: Id(0)] TOutcome Outcome,
    [property: Id(1)] TValue? Value,
    [property: Id(2)] IReadOnlyList<FieldError> Errors)
    where TOutcome : struct, Enum
    where TValue : class;
