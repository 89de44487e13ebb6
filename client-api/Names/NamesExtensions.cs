namespace Spotlight.ClientApi.Names;

public static class NamesExtensions
{
    /// <summary>Most names kept at once (one entry each, a few hundred bytes).</summary>
    public const int MaxCachedNames = 100_000;

    public static IServiceCollection AddSpotlightNames(this IServiceCollection services)
    {
        services.AddMemoryCache(options => options.SizeLimit = MaxCachedNames);
        return services.AddSingleton<RowNames>();
    }
}
