using System.Globalization;
using Spotlight.GrainInterfaces;

namespace Spotlight.ClientApi.Endpoints;

/// <summary>
/// Paging newest first over records numbered by a growing sequence (the audit trail, fired alerts): the cursor
/// is the last sequence of the page before (the next page holds those below it), the limit how many to take.
/// </summary>
public static class SequencePage
{
    /// <summary>The sequence to read below (null: from the newest) and how many; adds an error per bad field.</summary>
    public static (long? Before, int Take) Read(string? cursor, int? limit, int defaultLimit, int maxLimit, List<FieldError> errors)
    {
        long? before = null;
        if (cursor is not null)
        {
            if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            {
                before = parsed;
            }
            else
            {
                errors.Add(new("cursor", "The nextCursor of the previous page."));
            }
        }

        var take = limit ?? defaultLimit;
        if (take < 1 || take > maxLimit)
        {
            errors.Add(new("limit", $"From 1 to {maxLimit}."));
        }

        return (before, take);
    }
}
