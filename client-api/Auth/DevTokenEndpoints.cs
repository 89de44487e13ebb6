using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Errors;
using Spotlight.GrainInterfaces;

namespace Spotlight.ClientApi.Auth;

/// <summary><c>POST /api/dev/tokens</c>: mints a token so that people and tests can try the system.
/// Mapped in Development only; elsewhere the route does not exist (404).</summary>
public static class DevTokenEndpoints
{
    public const int MaxIdLength = 128;

    public static IEndpointRouteBuilder MapDevTokenEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/dev/tokens", Mint)
            .WithTags("Development")
            .WithSummary("Mint a bearer token (Development only).")
            .AllowAnonymous();
        return endpoints;
    }

    public static Results<Ok<DevTokenResponse>, ValidationProblem> Mint(DevTokenRequest request, TokenIssuer issuer)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return FieldProblems.From(errors);
        }

        var token = issuer.Issue(request.Sub!, request.Roles!.OfType<string>().Distinct(StringComparer.Ordinal), request.StudioId, request.ArtistId);
        return TypedResults.Ok(new DevTokenResponse(token));
    }

    private static List<FieldError> Validate(DevTokenRequest request)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Sub) || request.Sub.Length > MaxIdLength)
        {
            errors.Add(new("sub", $"A user id of 1 to {MaxIdLength} characters is required."));
        }

        if (request.Roles is null)
        {
            errors.Add(new("roles", "A list of roles is required (it may be empty)."));
        }
        else
        {
            for (var i = 0; i < request.Roles.Count; i++)
            {
                if (request.Roles[i] is not { } role || !Roles.All.Contains(role))
                {
                    errors.Add(new($"roles[{i}]", $"Unknown role; one of: {string.Join(", ", Roles.All.Order(StringComparer.Ordinal))}."));
                }
            }
        }

        if (request.StudioId is { Length: 0 or > MaxIdLength })
        {
            errors.Add(new("studioId", $"1 to {MaxIdLength} characters when given."));
        }
        else if (request.StudioId is null && request.Roles?.Contains(Roles.Studio) == true)
        {
            // Every studio route acts for the token's studio: a studio token without one could do nothing.
            errors.Add(new("studioId", "Required with the studio role: the studio this user acts for."));
        }

        if (request.ArtistId is { Length: 0 or > MaxIdLength })
        {
            errors.Add(new("artistId", $"1 to {MaxIdLength} characters when given."));
        }

        return errors;
    }
}

public sealed record DevTokenRequest([property: Required] string? Sub, [property: Required] IReadOnlyList<string?>? Roles, string? StudioId, string? ArtistId);

public sealed record DevTokenResponse(string Token);
