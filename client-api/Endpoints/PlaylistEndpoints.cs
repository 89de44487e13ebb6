using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Errors;
using Spotlight.GrainInterfaces.Playlists;
using Spotlight.Domain;

namespace Spotlight.ClientApi.Endpoints;

public static class PlaylistEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapPlaylistEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/playlists/featured", GetFeaturedAsync)
            .WithTags("Playlists")
            .AllowAnonymous()
            .WithSummary("A region's featured playlist: cleared tracks, most popular first, then earliest cleared.");
        return endpoints;
    }

    public static async Task<Results<Ok<FeaturedPlaylistResponse>, ValidationProblem>> GetFeaturedAsync(string? region, int? limit, IGrainFactory grains)
    {
        var errors = new List<Spotlight.GrainInterfaces.FieldError>();
        if (!IsoRegionCodes.IsAssigned(region))
        {
            errors.Add(new("region", "An ISO 3166-1 alpha-2 country code in upper case, such as JP."));
        }

        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            errors.Add(new("limit", $"From 1 to {MaxLimit}."));
        }

        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        var entries = await grains.GetGrain<IFeaturedPlaylistGrain>(region!).GetTopAsync(take);
        return TypedResults.Ok(new FeaturedPlaylistResponse(region!, entries));
    }
}

public sealed record FeaturedPlaylistResponse(string Region, IReadOnlyList<PlaylistEntry> Tracks);
