using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Artists;

namespace Spotlight.Domain;

/// <summary>What a valid artist profile is. The API checks it to answer with field errors; the grain
/// checks it again so that no caller can store an invalid profile.</summary>
public static class ArtistProfileRules
{
    public const int MaxDisplayNameLength = 100;
    public const int MaxBioLength = 2000;
    public const int MaxLinks = 10;
    public const int MaxLinkLength = 500;
    public const int MaxEmailLength = 254;

    public static IReadOnlyList<FieldError> Validate(CreateArtistCommand command)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(command.DisplayName))
        {
            errors.Add(new("displayName", "A display name is required."));
        }
        else if (command.DisplayName.Trim().Length > MaxDisplayNameLength)
        {
            errors.Add(new("displayName", $"At most {MaxDisplayNameLength} characters."));
        }

        if (!IsoRegionCodes.IsAssigned(command.Region))
        {
            errors.Add(new("region", "An ISO 3166-1 alpha-2 country code in upper case, such as JP."));
        }

        if (command.Bio is { Length: > MaxBioLength })
        {
            errors.Add(new("bio", $"At most {MaxBioLength} characters."));
        }

        // Too many links is one error, not one per link: a huge list must not make a huge answer.
        if (command.Links.Count > MaxLinks)
        {
            errors.Add(new("links", $"At most {MaxLinks} links."));
        }

        for (var i = 0; i < command.Links.Count && command.Links.Count <= MaxLinks; i++)
        {
            if (!HttpsUrl.IsValid(command.Links[i], MaxLinkLength))
            {
                errors.Add(new($"links[{i}]", $"An absolute https URL of at most {MaxLinkLength} characters."));
            }
        }

        if (command.ContactEmail is not null && !LooksLikeEmail(command.ContactEmail))
        {
            errors.Add(new("contactEmail", $"An email address of at most {MaxEmailLength} characters."));
        }

        return errors;
    }

    /// <summary>One '@' with something on each side and a dot in the domain: enough to catch typos; the
    /// address is only shown to staff and partners, never mailed by the system.</summary>
    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return value.Length <= MaxEmailLength
            && at > 0
            && at == value.LastIndexOf('@')
            && value.IndexOf('.', at) > at + 1
            && !value.EndsWith('.')
            && !value.Any(char.IsWhiteSpace);
    }

    /// <summary>The stored form of a valid command: names trimmed, empty bio dropped.</summary>
    public static ArtistProfile ToProfile(string id, CreateArtistCommand command, DateTimeOffset now) => new(
        Id: id,
        OwnerId: command.OwnerId,
        DisplayName: command.DisplayName.Trim(),
        Region: command.Region,
        Bio: string.IsNullOrWhiteSpace(command.Bio) ? null : command.Bio.Trim(),
        Links: [.. command.Links],
        Verified: false,
        TrackIds: [],
        CreatedAt: now,
        ContactEmail: string.IsNullOrWhiteSpace(command.ContactEmail) ? null : command.ContactEmail);
}
