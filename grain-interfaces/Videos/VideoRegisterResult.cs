namespace Spotlight.GrainInterfaces.Videos;

[GenerateSerializer, Alias("Spotlight.Videos.VideoRegisterOutcome")]
public enum VideoRegisterOutcome
{
    Created = 0,
    AlreadyExists = 1,
    Invalid = 2,
}

[GenerateSerializer, Immutable, Alias("Spotlight.Videos.VideoRegisterResult")]
public sealed record VideoRegisterResult(
    [property: Id(0)] VideoRegisterOutcome Outcome,
    [property: Id(1)] VideoDetails? Video,
    [property: Id(2)] IReadOnlyList<FieldError> Errors);
