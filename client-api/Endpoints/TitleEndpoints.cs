using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Audit;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Errors;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Domain;
using Spotlight.Domain.Analytics;

namespace Spotlight.ClientApi.Endpoints;

public static class TitleEndpoints
{
    public const int MaxRelatedVideos = 50;
    private const int RelatedVideosBatch = 32;

    public static IEndpointRouteBuilder MapTitleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var titles = endpoints.MapGroup("/titles").WithTags("Titles");
        titles.MapGet("/", SearchAsync)
            .AllowAnonymous()
            .WithSummary("Titles to browse: `query` searches names, hashtags and cast; `sort=engaged` (the default) puts the most engaged first (hub visits plus linked videos' views), `sort=trending` the most engagement gained in the last day (the current hour and the 24 before it); a page at a time (`cursor` from the previous page's `nextCursor`).");
        titles.MapPost("/", CreateAsync)
            .RequireAuthorization(Policies.StudioOrAdmin)
            .WithSummary("Create a movie or show: hub content, matching terms and link thresholds (a studio for its own studioId, or an admin).")
            .Audited("title.create", "title", (_, body) => (body as CreateTitleRequest)?.Id);
        titles.MapGet("/{id}", GetAsync)
            .AllowAnonymous()
            .WithSummary("A title with its matching terms and link thresholds.");
        titles.MapGet("/{id}/hub", GetHubAsync)
            .AllowAnonymous()
            .WithSummary("The title's landing page for a region; counts a hub visit.");
        titles.MapPost("/{id}/hub/clicks", ClickAsync)
            .AllowAnonymous()
            .WithSummary("Count a click-through to one of the title's where-to-watch providers.");
        return endpoints;
    }

    public static async Task<Results<Ok<TitleListResponse>, ValidationProblem>> SearchAsync(
        string? query, [AllowedValues("movie", "show")] string? kind, [AllowedValues("engaged", "trending")] string? sort, string? cursor, int? limit, IGrainFactory grains)
    {
        var (parsedKind, order, take, errors) = TitleBrowsing.ValidateQuery(query, kind, sort, cursor, limit);
        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        var page = await grains.GetGrain<ITitleCatalogGrain>(0).SearchAsync(query, parsedKind, order, cursor, take);
        return TypedResults.Ok(new TitleListResponse([.. page.Titles.Select(TitleListItem.From)], page.NextCursor));
    }

    public static async Task<Results<Created<TitleResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateTitleRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ResourceIds.IsValid(request.Id))
        {
            return ResourceIds.Problem("id");
        }

        // A studio creates titles for itself only; a malformed studio id is a field error, not another studio.
        if (!user.IsInRole(Roles.Admin) && ResourceIdRules.IsValid(request.StudioId) && request.StudioId != user.FindFirstValue(SpotlightClaims.StudioId))
        {
            return Problems.Forbidden("A studio creates titles for itself only: studioId must be the token's studioId claim.");
        }

        var command = new CreateTitleCommand(request.Name, request.Kind, request.StudioId, request.Cast, request.Socials, request.WhereToWatch,
            request.Hashtags, request.Keywords, request.VisualTags, request.MinFollowers, request.MinViews, user.SubjectId());
        var result = await grains.GetGrain<ITitleHubGrain>(request.Id!).CreateAsync(command);
        return result.Outcome switch
        {
            TitleCreateOutcome.Created => TypedResults.Created($"/api/titles/{request.Id}", TitleResponse.From(result.Value!)),
            TitleCreateOutcome.AlreadyExists => Problems.Conflict($"A title with id '{request.Id}' already exists."),
            _ => FieldProblems.From(result.Errors),
        };
    }

    public static async Task<Results<Ok<TitleResponse>, NotFound, ValidationProblem>> GetAsync(string id, IGrainFactory grains)
    {
        return await grains.GetGrain<ITitleHubGrain>(id).GetAsync() is { } title ? TypedResults.Ok(TitleResponse.From(title)) : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<HubResponse>, NotFound, ValidationProblem>> GetHubAsync(string id, string? region, IGrainFactory grains)
    {
        if (region is not null && !IsoRegionCodes.IsAssigned(region))
        {
            return FieldProblems.Single("region", "An ISO 3166-1 alpha-2 country code in upper case, such as KR.");
        }

        var hub = grains.GetGrain<ITitleHubGrain>(id);
        if (await hub.VisitAsync() is not { } title)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(HubResponse.From(title, region, await RelatedVideosAsync(hub, id, grains)));
    }

    /// <summary>Videos still linked to the title (a violation removes a link on the video at once), most
    /// engaged first.</summary>
    private static async Task<IReadOnlyList<RelatedVideo>> RelatedVideosAsync(ITitleHubGrain hub, string titleId, IGrainFactory grains)
    {
        var linked = await GrainCalls.InBatchesAsync(await hub.GetLinkedVideosAsync(), RelatedVideosBatch, async videoId =>
        {
            var video = grains.GetGrain<IVideoGrain>(videoId);
            return await video.GetAnchorLinkAsync() == titleId ? await video.GetAsync() : null;
        });
        return [.. linked.Values.OfType<VideoDetails>()
            .OrderByDescending(v => TitleMinuteMath.Engagement(v.Counters))
            .ThenBy(v => v.Id, StringComparer.Ordinal)
            .Take(MaxRelatedVideos)
            .Select(v => new RelatedVideo(v.Id, v.CreatorId, v.Caption, v.Counters))];
    }

    public static async Task<Results<Accepted<HubClickResponse>, NotFound, ValidationProblem>> ClickAsync(string id, HubClickRequest request, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(request.Target) || request.Target.Length > TitleRules.MaxTextLength)
        {
            return FieldProblems.Single("target", $"A provider name of 1 to {TitleRules.MaxTextLength} characters.");
        }

        return await grains.GetGrain<ITitleHubGrain>(id).ClickAsync(request.Target) switch
        {
            HubClickOutcome.Counted => TypedResults.Accepted((string?)null, new HubClickResponse(id, request.Target)),
            HubClickOutcome.UnknownProvider => FieldProblems.Single("target", "Not one of the title's where-to-watch providers."),
            _ => TypedResults.NotFound(),
        };
    }
}
