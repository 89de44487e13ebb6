namespace Spotlight.GrainInterfaces.Titles;

/// <summary>The order of the title list.</summary>
[GenerateSerializer, Alias("Spotlight.Titles.TitleOrder")]
public enum TitleOrder
{
    /// <summary>Most engaged first: all hub visits plus the views of the videos linked now.</summary>
    Engaged,

    /// <summary>Most engagement gained in the last day first (<c>TrendingWindow</c>).</summary>
    Trending,
}
