using Microsoft.Extensions.Options;

namespace Spotlight.ClientApi.Auth;

public sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
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
        else if (options.SigningKey == AuthOptions.PublishedDevelopmentKey && !environment.IsDevelopment())
        {
            // Anyone can read that key in the repository, and so mint any role's token with it.
            failures.Add($"Spotlight:Auth:SigningKey is the development key published in the repository; set a secret key for the {environment.EnvironmentName} environment.");
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
