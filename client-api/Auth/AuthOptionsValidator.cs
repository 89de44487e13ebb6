using Microsoft.Extensions.Options;

namespace Spotlight.ClientApi.Auth;

public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            failures.Add("Spotlight:Auth:SigningKey is required (at least 32 bytes; use a secret).");
        }
        else if (options.SigningKeyBytes.Length < AuthOptions.MinimumKeyBytes)
        {
            failures.Add($"Spotlight:Auth:SigningKey must be at least {AuthOptions.MinimumKeyBytes} bytes.");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add("Spotlight:Auth:Issuer must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Spotlight:Auth:Audience must not be empty.");
        }

        if (options.DevTokenLifetime <= TimeSpan.Zero)
        {
            failures.Add("Spotlight:Auth:DevTokenLifetime must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
