using System.Globalization;
using System.Text;

namespace Spotlight.Domain;

/// <summary>
/// How titles and videos are compared. Hashtags and visual tags compare as normalised tags. Keywords
/// compare as sequences of words: full-width forms are folded to their ASCII letters and digits, text is
/// lower-cased with invariant rules (the same on every machine whatever its locale: no Turkish dotless-i
/// surprises; the hosts run in globalization-invariant mode, which also rules out culture-specific
/// normalisation) and split at every character that is not a letter, digit or combining mark, so
/// "Arrakis!" and "ARRAKIS" are one word and "Sand Worm" matches "sand  worm," but not "sandworm".
/// </summary>
public static class TitleTerms
{
    public static string HashtagKey(string tag) => "hashtag:" + tag;

    public static string VisualTagKey(string tag) => "visual:" + tag;

    /// <summary>Keywords are indexed by their first word; the whole phrase is checked after lookup.</summary>
    public static string KeywordKey(string firstWord) => "keyword:" + firstWord;

    public static IReadOnlyList<string> Words(string text)
    {
        var normalized = FoldFullWidth(text).ToLower(CultureInfo.InvariantCulture);
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>Full-width ASCII (U+FF01..U+FF5E, common in Japanese, Chinese and Korean text) as ASCII.</summary>
    private static string FoldFullWidth(string text) =>
        text.Any(c => c is >= '\uFF01' and <= '\uFF5E')
            ? string.Create(text.Length, text, (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    var c = source[i];
                    span[i] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
                }
            })
            : text;

    /// <summary>A keyword as stored: its words joined by single spaces (empty when it has none).</summary>
    public static string NormalizeKeyword(string keyword) => string.Join(' ', Words(keyword));

    /// <summary>Whether the caption's words contain the keyword's words in a row.</summary>
    public static bool CaptionContains(IReadOnlyList<string> captionWords, string normalizedKeyword)
    {
        var keyword = normalizedKeyword.Split(' ');
        for (var start = 0; start + keyword.Length <= captionWords.Count; start++)
        {
            var all = true;
            for (var i = 0; i < keyword.Length && all; i++)
            {
                all = string.Equals(captionWords[start + i], keyword[i], StringComparison.Ordinal);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every index key under which a video's titles may be found.</summary>
    public static IReadOnlyList<string> CandidateKeys(IReadOnlyList<string> hashtags, string caption, IReadOnlyList<string> visualTags) =>
    [
        .. hashtags.Select(HashtagKey),
        .. Words(caption).Distinct(StringComparer.Ordinal).Select(KeywordKey),
        .. hashtags.SelectMany(Words).Distinct(StringComparer.Ordinal).Select(KeywordKey),
        .. visualTags.Select(VisualTagKey),
    ];

    /// <summary>Every index key a title is listed under.</summary>
    public static IReadOnlyList<string> TitleKeys(IReadOnlyList<string> hashtags, IReadOnlyList<string> keywords, IReadOnlyList<string> visualTags) =>
    [
        .. hashtags.Select(HashtagKey),
        .. keywords.Select(k => KeywordKey(k.Split(' ')[0])),
        .. visualTags.Select(VisualTagKey),
    ];
}
