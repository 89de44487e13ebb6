using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.ClientApi.Errors;
using Spotlight.Domain;

namespace Spotlight.ClientApi.Endpoints;

/// <summary>Ids in routes: short, URL-safe strings. Anything else is refused before it reaches a grain.</summary>
public static class ResourceIds
{
    public static bool IsValid(string? id) => ResourceIdRules.IsValid(id);

    /// <summary>The 400 for a malformed id in a route or query.</summary>
    public static ValidationProblem Problem(string field) => FieldProblems.Single(field, $"An id of {ResourceIdRules.Description}.");

    /// <summary>A new id: time-ordered, so ids sort roughly by creation.</summary>
    public static string New() => Guid.CreateVersion7().ToString("N");
}
