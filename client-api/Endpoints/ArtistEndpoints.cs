using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.GrainInterfaces.Artists;
using Spotlight.Grains.Domain;

namespace Spotlight.ClientApi.Endpoints;

public static class ArtistEndpoints
{
    public static IEndpointRouteBuilder MapArtistEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var artists = endpoints.MapGroup("/api/artists").WithTags("Artists");
        artists.MapPost("/", CreateAsync)
            .RequireAuthorization(Policies.Artist)
            .WithSummary("Create an artist profile owned by the caller.");
        artists.MapGet("/{id}", GetAsync)
            .AllowAnonymous()
            .WithSummary("An artist's public profile.");
        return endpoints;
    }

    public static async Task<Results<Created<ArtistResponse>, ValidationProblem, Conflict>> CreateAsync(
        CreateArtistRequest request, HttpContext http, IGrainFactory grains)
    {
        var command = new CreateArtistCommand(
            OwnerId: http.User.SubjectId(),
            DisplayName: request.DisplayName ?? string.Empty,
            Region: request.Region ?? string.Empty,
            Bio: request.Bio,
            Links: request.Links?.Select(link => link ?? string.Empty).ToList() ?? []);
        var errors = ArtistProfileRules.Validate(command);
        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        var id = ResourceIds.New();
        var result = await grains.GetGrain<IArtistGrain>(id).CreateAsync(command);
        return result.Outcome switch
        {
            ArtistCreateOutcome.Created => TypedResults.Created($"/api/artists/{id}", ArtistResponse.From(result.Artist!)),
            ArtistCreateOutcome.Invalid => FieldProblems.From(result.Errors),
            _ => TypedResults.Conflict(),
        };
    }

    public static async Task<Results<Ok<ArtistResponse>, NotFound, ValidationProblem>> GetAsync(string id, IGrainFactory grains)
    {
        if (!ResourceIds.IsValid(id))
        {
            return FieldProblems.Single("id", $"An id of 1 to {ResourceIds.MaxLength} letters, digits, '-' or '_'.");
        }

        var profile = await grains.GetGrain<IArtistGrain>(id).GetAsync();
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(ArtistResponse.From(profile));
    }
}

public sealed record CreateArtistRequest(string? DisplayName, string? Region, string? Bio, IReadOnlyList<string?>? Links);

public sealed record ArtistResponse(
    string Id,
    string DisplayName,
    string Region,
    string? Bio,
    IReadOnlyList<string> Links,
    bool Verified,
    IReadOnlyList<string> TrackIds,
    DateTimeOffset CreatedAt)
{
    public static ArtistResponse From(ArtistProfile profile) => new(
        profile.Id, profile.DisplayName, profile.Region, profile.Bio, profile.Links, profile.Verified, profile.TrackIds, profile.CreatedAt);
}
