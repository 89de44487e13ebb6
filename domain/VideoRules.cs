using System.Globalization;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Videos;

namespace Spotlight.Domain;

/// <summary>What a valid video registration is, and the normal form of its tags.</summary>
public static class VideoRules
{
    public const int MaxTags = 30;
    public const int MaxTagLength = 100;
    public const int MaxCaptionLength = 2200;

    public static IReadOnlyList<FieldError> Validate(string? id, RegisterVideoCommand command)
    {
        var errors = new List<FieldError>();
        if (!ResourceIdRules.IsValid(id))
        {
            errors.Add(new("id", $"A video id of {ResourceIdRules.Description}."));
        }

        if (!ResourceIdRules.IsValid(command.CreatorId))
        {
            errors.Add(new("creatorId", $"A creator id of {ResourceIdRules.Description}."));
        }

        if (command.CreatorFollowers < 0)
        {
            errors.Add(new("creatorFollowers", "A follower count of 0 or more."));
        }

        if (command.TrackId is not null && !ResourceIdRules.IsValid(command.TrackId))
        {
            errors.Add(new("trackId", $"A track id of {ResourceIdRules.Description}."));
        }

        ValidateTags("hashtags", command.Hashtags, errors);
        ValidateTags("visualTags", command.VisualTags, errors);
        if (command.Caption.Length > MaxCaptionLength)
        {
            errors.Add(new("caption", $"At most {MaxCaptionLength} characters."));
        }

        return errors;
    }

    /// <summary>Tags compare without '#' and case ("#Dune" and "dune" are one tag), so matching is simple.</summary>
    public static string NormalizeTag(string tag) => tag.Trim().TrimStart('#').ToLower(CultureInfo.InvariantCulture);

    public static RegisterVideoCommand Normalize(RegisterVideoCommand command) => command with
    {
        Hashtags = [.. command.Hashtags.Select(NormalizeTag).Distinct(StringComparer.Ordinal)],
        VisualTags = [.. command.VisualTags.Select(NormalizeTag).Distinct(StringComparer.Ordinal)],
    };

    private static void ValidateTags(string field, IReadOnlyList<string> tags, List<FieldError> errors)
    {
        if (tags.Count > MaxTags)
        {
            errors.Add(new(field, $"At most {MaxTags} tags."));
            return;
        }

        for (var i = 0; i < tags.Count; i++)
        {
            var tag = NormalizeTag(tags[i]);
            if (tag.Length == 0 || tag.Length > MaxTagLength || tag.Any(char.IsWhiteSpace))
            {
                errors.Add(new($"{field}[{i}]", $"A tag of 1 to {MaxTagLength} characters without spaces."));
            }
        }
    }
}
