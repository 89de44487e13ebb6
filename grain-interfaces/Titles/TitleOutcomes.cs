namespace Spotlight.GrainInterfaces.Titles;

public enum TitleCreateOutcome
{
    Created,
    AlreadyExists,
    Invalid,
}

public enum HubClickOutcome
{
    Counted,
    UnknownTitle,
    UnknownProvider,
}

public enum CampaignCreateOutcome
{
    Created,
    AlreadyExists,
    Invalid,
    UnknownTitle,
}
