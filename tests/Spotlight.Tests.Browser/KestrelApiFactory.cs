using Spotlight.Tests.Api;

namespace Spotlight.Tests.Browser;

/// <summary>The whole system in embedded mode on a real loopback port a browser can reach.</summary>
public sealed class KestrelApiFactory : SpotlightApiFactory
{
    public KestrelApiFactory(int port, string environment = "Development")
        : base(environment)
    {
        UseKestrel(port);
    }
}
