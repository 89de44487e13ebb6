using System.Globalization;
using Spotlight.GrainInterfaces;

namespace Spotlight.Domain;

/// <summary>
/// A span of whole UTC days asked for as <c>from</c> and <c>to</c> (inclusive, <c>yyyy-MM-dd</c>): by default the
/// last <see cref="DefaultDays"/> days to today; at most <see cref="MaxDays"/> days, so a reader's answer stays
/// small; <c>to</c> never after today (a later day has nothing yet).
/// </summary>
public sealed record DayRange(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 90;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public static (DayRange? Range, IReadOnlyList<FieldError> Errors) Parse(string? from, string? to, DateOnly today)
    {
        var errors = new List<FieldError>();
        var last = Day(to, "to", errors) ?? today;
        var first = Day(from, "from", errors) ?? last.AddDays(1 - DefaultDays);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (last > today)
        {
            errors.Add(new("to", "A day up to today (UTC)."));
        }
        else if (first > last)
        {
            errors.Add(new("from", "A day on or before to."));
        }
        else if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            errors.Add(new("from", $"At most {MaxDays} days before to."));
        }

        return errors.Count > 0 ? (null, errors) : (new DayRange(first, last), errors);
    }

    private static DateOnly? Day(string? text, string field, List<FieldError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new(field, "A UTC day as yyyy-MM-dd."));
        return null;
    }
}
