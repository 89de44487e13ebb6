namespace Spotlight.GrainInterfaces.Titles;

[GenerateSerializer, Alias("Spotlight.Titles.TitleCreateOutcome")]
public enum TitleCreateOutcome
{
    Created,
    AlreadyExists,
    Invalid,
}

[GenerateSerializer, Alias("Spotlight.Titles.HubClickOutcome")]
public enum HubClickOutcome
{
    Counted,
    UnknownTitle,
    UnknownProvider,
}

[GenerateSerializer, Alias("Spotlight.Titles.CampaignCreateOutcome")]
public enum CampaignCreateOutcome
{
    Created,
    AlreadyExists,
    Invalid,
    UnknownTitle,
}
