namespace Spotlight.ClientApi.Errors;

/// <summary>
/// The stable <c>code</c> every problem answer carries: the title and detail stay English (the convention for
/// API errors), and the pages show the code's sentence in the reader's language (catalogue key
/// <c>errors.{code}</c>). One code per kind of answer a caller acts on differently.
/// </summary>
public static class ProblemCodes
{
    public const string InvalidFields = "invalid-fields";
    public const string InvalidRequest = "invalid-request";
    public const string SignInRequired = "sign-in-required";
    public const string NotAllowed = "not-allowed";
    public const string NotFound = "not-found";
    public const string Conflict = "conflict";
    public const string TooLarge = "too-large";
    public const string TooManyRequests = "too-many-requests";
    public const string Unavailable = "unavailable";
    public const string ServerError = "server-error";

    /// <summary>Every code, for the catalogue test (each must have a sentence in every language).</summary>
    public static readonly IReadOnlyList<string> All =
        [InvalidFields, InvalidRequest, SignInRequired, NotAllowed, NotFound, Conflict, TooLarge, TooManyRequests, Unavailable, ServerError];

    /// <summary>The code of an answer with this status; a 400 that names fields is <see cref="InvalidFields"/>.</summary>
    public static string For(int? status, bool namesFields) => status switch
    {
        400 or 422 => namesFields ? InvalidFields : InvalidRequest,
        401 => SignInRequired,
        403 => NotAllowed,
        404 or 405 => NotFound,
        409 => Conflict,
        413 => namesFields ? InvalidFields : TooLarge,
        429 => TooManyRequests,
        503 => Unavailable,
        _ => ServerError,
    };
}
