using Spotlight.GrainInterfaces;

namespace Spotlight.Domain;

/// <summary>Checks shared by the rules of commands that carry lists and free text: each problem is added to
/// <c>errors</c> under the field's JSON path (for example <c>rewards[2].kind</c>).</summary>
public static class FieldChecks
{
    /// <summary>Checks each item of an optional list of at most <paramref name="max"/> items (null: empty).</summary>
    public static List<TOut> Items<TIn, TOut>(IReadOnlyList<TIn?>? items, string field, int max, List<FieldError> errors, Func<TIn, string, TOut> check)
    {
        items ??= [];
        if (items.Count > max)
        {
            errors.Add(new(field, $"At most {max}."));
            return [];
        }

        var checkedItems = new List<TOut>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                errors.Add(new($"{field}[{i}]", "A value is required here."));
                continue;
            }

            checkedItems.Add(check(item, $"{field}[{i}]"));
        }

        return checkedItems;
    }

    /// <summary>Required text, trimmed, of 1 to <paramref name="maxLength"/> characters.</summary>
    public static string Text(string? value, string field, int maxLength, List<FieldError> errors)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || trimmed.Length > maxLength)
        {
            errors.Add(new(field, $"1 to {maxLength} characters."));
        }

        return trimmed;
    }
}
