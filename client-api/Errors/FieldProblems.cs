using Microsoft.AspNetCore.Http.HttpResults;
using Spotlight.GrainInterfaces;

namespace Spotlight.ClientApi.Errors;

/// <summary>Builds 400 validation problems whose <c>errors</c> name each bad field.</summary>
public static class FieldProblems
{
    public static ValidationProblem From(IEnumerable<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
            title: "The request has invalid fields.");

    public static ValidationProblem Single(string field, string message) => From([new FieldError(field, message)]);
}

/// <summary>Problem results for states, rather than fields, that refuse a request.</summary>
public static class Problems
{
    /// <summary>A refusal the endpoint decides (ownership, assignment): the detail says who may, never what exists.</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "The request conflicts with the resource's state.");
}
