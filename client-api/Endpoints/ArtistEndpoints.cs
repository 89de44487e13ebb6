using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Audit;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.GrainInterfaces.Artists;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Domain;

namespace Spotlight.ClientApi.Endpoints;

public static class ArtistEndpoints
{
    private const string NotOwnerDetail = "Only the owner of an artist profile submits tracks to it.";

    public static IEndpointRouteBuilder MapArtistEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var artists = endpoints.MapGroup("/artists").WithTags("Artists");
        artists.MapPost("/", CreateAsync)
            .RequireAuthorization(Policies.Artist)
            .WithSummary("Create an artist profile owned by the caller.");
        artists.MapGet("/{id}", GetAsync)
            .AllowAnonymous()
            .WithSummary("An artist's profile and tracks; contact data only for the owner and staff.");
        artists.MapPost("/{id}/verification", VerifyAsync)
            .RequireAuthorization(Policies.ReviewerOrAdmin)
            .WithSummary("Give the artist the verified badge.")
            .Audited("artist.verify", "artist");
        artists.MapPost("/{id}/tracks", SubmitTrackAsync)
            .RequireAuthorization(Policies.Artist)
            .WithSummary("Submit an original track to the caller's own artist profile.");
        return endpoints;
    }

    public static async Task<Results<Created<ArtistResponse>, ValidationProblem, Conflict>> CreateAsync(
        CreateArtistRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var command = new CreateArtistCommand(
            OwnerId: user.SubjectId(),
            DisplayName: request.DisplayName ?? string.Empty,
            Region: request.Region ?? string.Empty,
            Bio: request.Bio,
            Links: request.Links?.Select(link => link ?? string.Empty).ToList() ?? [],
            ContactEmail: request.ContactEmail);
        var errors = ArtistProfileRules.Validate(command);
        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        var id = ResourceIds.New();
        var result = await grains.GetGrain<IArtistGrain>(id).CreateAsync(command);
        return result.Outcome switch
        {
            ArtistCreateOutcome.Created => TypedResults.Created($"/api/artists/{id}", ArtistResponse.From(result.Value!, [], includeContact: true)),
            ArtistCreateOutcome.Invalid => FieldProblems.From(result.Errors),
            _ => TypedResults.Conflict(),
        };
    }

    public static async Task<Results<Ok<ArtistResponse>, NotFound, ValidationProblem>> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var profile = await grains.GetGrain<IArtistGrain>(id).GetAsync();
        if (profile is null)
        {
            return TypedResults.NotFound();
        }

        var privileged = user.IsStaff() || user.SubjectOrNull() == profile.OwnerId;
        // Present only for the owner, so that a page can offer what only the owner may open (insights).
        return TypedResults.Ok(ArtistResponse.From(profile, await TracksAsync(profile, privileged, grains), includeContact: privileged) with
        {
            OwnedByViewer = user.SubjectOrNull() == profile.OwnerId ? true : null,
        });
    }

    /// <summary>The artist's tracks a viewer may see: all of them for staff and the owner, cleared ones otherwise.</summary>
    private static async Task<List<ArtistTrackSummary>> TracksAsync(ArtistProfile profile, bool privileged, IGrainFactory grains)
    {
        var tracks = await Task.WhenAll(profile.TrackIds.Select(trackId => grains.GetGrain<ITrackGrain>(trackId).GetAsync()));
        return tracks
            .OfType<TrackDetails>()
            .Where(track => privileged || track.Status == TrackStatus.Cleared)
            .Select(track => new ArtistTrackSummary(track.Id, track.Title, track.Status, track.SubmittedAt, track.AudioUrl))
            .ToList();
    }

    public static async Task<Results<Ok<ArtistResponse>, NotFound, ValidationProblem, ProblemHttpResult>> VerifyAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var artist = grains.GetGrain<IArtistGrain>(id);
        var current = await artist.GetAsync();
        if (current is null)
        {
            return TypedResults.NotFound();
        }

        // Nobody verifies their own profile, whatever roles they hold.
        if (current.OwnerId == user.SubjectId())
        {
            return Problems.Forbidden("Nobody verifies their own artist profile.");
        }

        // Only staff verify, so the answer shows the profile as staff see it, tracks included.
        var profile = await artist.VerifyAsync(user.SubjectId());
        return TypedResults.Ok(ArtistResponse.From(profile!, await TracksAsync(profile!, privileged: true, grains), includeContact: true));
    }

    public static async Task<Results<Created<TrackResponse>, ValidationProblem, NotFound, ProblemHttpResult>> SubmitTrackAsync(
        string id, SubmitTrackRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = TrackRules.ValidateSubmission(request.Title, request.AudioUrl, request.DurationSeconds, request.OriginalWork, request.SeasonId);
        var artist = grains.GetGrain<IArtistGrain>(id);
        if (errors.Count > 0)
        {
            // Ownership is decided before field errors are shown, so that nobody learns about others' profiles.
            var profile = await artist.GetAsync();
            if (profile is null)
            {
                return TypedResults.NotFound();
            }

            return profile.OwnerId == user.SubjectId() ? FieldProblems.From(errors) : Problems.Forbidden(NotOwnerDetail);
        }

        if (request.SeasonId is { } seasonId && await SeasonEntryProblemAsync(artist, seasonId, user, grains) is { } refusal)
        {
            return refusal;
        }

        var trackId = ResourceIds.New();
        var submission = new TrackSubmission(request.Title!, request.AudioUrl!, request.DurationSeconds!.Value, request.OriginalWork!.Value, request.SeasonId);
        var result = await artist.SubmitTrackAsync(trackId, user.SubjectId(), submission);
        return result.Outcome switch
        {
            ArtistTrackSubmitOutcome.Created => TypedResults.Created($"/api/tracks/{trackId}", TrackResponse.From(result.Value!, artistVerified: false, TrackViewer.Owner)),
            ArtistTrackSubmitOutcome.ArtistNotFound => TypedResults.NotFound(),
            ArtistTrackSubmitOutcome.NotOwner => Problems.Forbidden(NotOwnerDetail),
            ArtistTrackSubmitOutcome.TooManyTracks => Problems.Conflict($"An artist may submit at most {TrackRules.MaxTracksPerArtist} tracks."),
            _ => FieldProblems.From(result.Errors),
        };
    }

    /// <summary>
    /// A track may name a season only if its artist could enter it now: the season exists, takes the
    /// artist's region and round 1 has not closed. (Entry itself happens when the track is cleared.)
    /// </summary>
    private static async Task<ValidationProblem?> SeasonEntryProblemAsync(IArtistGrain artist, string seasonId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var profile = await artist.GetAsync();
        if (profile is null || profile.OwnerId != user.SubjectId())
        {
            // The grain refuses these with 404/403 below; field details are not for others' profiles.
            return null;
        }

        return await grains.GetGrain<ISeasonGrain>(seasonId).CheckEntryAsync(profile.Region) switch
        {
            SeasonEntryOutcome.UnknownSeason => FieldProblems.Single("seasonId", "No season has this id."),
            SeasonEntryOutcome.RegionNotInSeason => FieldProblems.Single("seasonId", $"The season is not open to artists of {profile.Region}."),
            SeasonEntryOutcome.EntriesClosed => FieldProblems.Single("seasonId", "The season's first round has closed; it takes no more entries."),
            _ => null,
        };
    }
}

public sealed record CreateArtistRequest(
    [property: Required] string? DisplayName, [property: Required] string? Region, string? Bio, IReadOnlyList<string?>? Links, string? ContactEmail);

public sealed record SubmitTrackRequest(
    [property: Required] string? Title,
    [property: Required] string? AudioUrl,
    [property: Required] int? DurationSeconds,
    [property: Required] bool? OriginalWork,
    string? SeasonId);

public sealed record ArtistTrackSummary(string Id, string Title, TrackStatus Status, DateTimeOffset SubmittedAt, string AudioUrl);

public sealed record ArtistResponse(
    string Id,
    string DisplayName,
    string Region,
    string? Bio,
    IReadOnlyList<string> Links,
    bool Verified,
    DateTimeOffset? VerifiedAt,
    IReadOnlyList<ArtistTrackSummary> Tracks,
    DateTimeOffset CreatedAt,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? ContactEmail,
    IReadOnlyList<ArtistAward> Awards,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    bool? OwnedByViewer = null)
{
    public static ArtistResponse From(ArtistProfile profile, IReadOnlyList<ArtistTrackSummary> tracks, bool includeContact) => new(
        profile.Id, profile.DisplayName, profile.Region, profile.Bio, profile.Links, profile.Verified, profile.VerifiedAt, tracks,
        profile.CreatedAt, includeContact ? profile.ContactEmail : null, profile.Awards ?? []);
}
