namespace Spotlight.GrainInterfaces.Videos;

[GenerateSerializer, Alias("Spotlight.Videos.VideoRegisterOutcome")]
public enum VideoRegisterOutcome
{
    Created = 0,
    AlreadyExists = 1,
    Invalid = 2,
}
