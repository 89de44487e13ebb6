using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Spotlight.ClientApi.Web;

namespace Spotlight.ClientApi.Errors;

/// <summary>
/// Turns request-binding failures (malformed JSON, a missing body, a value of the wrong type) into a 4xx
/// problem detail that names the field, instead of a bare 400 or, worse, a 500.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        // A body over the size limit fails while the JSON is read, so it carries a JSON exception too.
        var tooLarge = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge;
        var json = tooLarge ? null : FindJsonException(badRequest);
        var field = json is not null ? FieldFromJsonPath(json.Path) : FieldFromBindingMessage(badRequest.Message);
        var message = tooLarge ? RequestLimits.TooLargeMessage
            : json is not null ? "Not valid JSON here, or a value of the wrong type."
            : field == "body" ? "A JSON body is required."
            : $"Not a valid value for {field}.";
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode == StatusCodes.Status400BadRequest ? "The request could not be read." : badRequest.Message,
        };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>"$.links[2]" → "links[2]"; "$" or nothing → "body".</summary>
    public static string FieldFromJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }

    /// <summary>Route and query binding failures name the parameter only in their message, e.g.
    /// <c>Failed to bind parameter "Nullable&lt;int&gt; limit" from "abc".</c>; "body" when none is named.</summary>
    public static string FieldFromBindingMessage(string message)
    {
        var match = ParameterInMessage().Match(message);
        return match.Success ? match.Groups["name"].Value : "body";
    }

    [GeneratedRegex("""^(?:Failed to bind parameter|Required parameter) "(?:[^"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)" """)]
    private static partial Regex ParameterInMessage();

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return json;
            }
        }

        return null;
    }
}
