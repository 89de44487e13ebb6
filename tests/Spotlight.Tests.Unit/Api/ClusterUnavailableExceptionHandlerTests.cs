using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Spotlight.ClientApi.Errors;
using Spotlight.ClientApi.Hosting;

namespace Spotlight.Tests.Unit.Api;

/// <summary>
/// An API started while silos come and go may be connected before it has the silos' manifests; resolving a
/// grain then throws ArgumentException. That is "not yet" (503 with Retry-After), while the same exception
/// once the grain types are known is a bug the API must not disguise.
/// </summary>
public sealed class ClusterUnavailableExceptionHandlerTests
{
    private static readonly ArgumentException Unresolved = new("Could not find an implementation for interface Spotlight.GrainInterfaces.Videos.IVideoGrain");

    [Fact]
    public async Task GrainTypesNotKnownYet_Is503WithRetryAfter()
    {
        var context = Context();

        var handled = await Handler(typesKnown: false).TryHandleAsync(context, Unresolved, CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.False(string.IsNullOrEmpty(context.Response.Headers.RetryAfter));
    }

    [Fact]
    public async Task AnArgumentException_OnceTheTypesAreKnown_IsLeftAlone()
    {
        var context = Context();

        Assert.False(await Handler(typesKnown: true).TryHandleAsync(context, Unresolved, CancellationToken.None));
        Assert.NotEqual(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
    }

    private static DefaultHttpContext Context() => new()
    {
        RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        Response = { Body = new MemoryStream() },
    };

    private static ClusterUnavailableExceptionHandler Handler(bool typesKnown)
    {
        var grains = DispatchProxy.Create<IGrainFactory, GrainFactoryWithoutManifest>();
        ((GrainFactoryWithoutManifest)(object)grains).Resolves = typesKnown;
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        return new ClusterUnavailableExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), new ClusterConnection(connected: true), new GrainTypesProbe(grains));
    }

    /// <summary>A grain factory that resolves every grain (a null reference is enough for the probe) or,
    /// like a client without the silos' manifests, none.</summary>
    public class GrainFactoryWithoutManifest : DispatchProxy
    {
        public bool Resolves { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            Resolves ? null : throw Unresolved;
    }
}
