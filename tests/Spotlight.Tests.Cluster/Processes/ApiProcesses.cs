using System.Globalization;
using System.Net;
using Spotlight.Tests.Cluster.Postgres;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Processes;

/// <summary>The API as a separate process in postgres mode: an Orleans client of the silo processes.</summary>
public static class ApiProcesses
{
    public sealed record RunningApi(HostProcess Process, Uri BaseAddress)
    {
        public HttpClient Client(string? bearer = null) => ClientFor(BaseAddress, bearer);
    }

    /// <summary>An HTTP client for an API process; the timeout outlasts Orleans' 30 s response timeout.</summary>
    public static HttpClient ClientFor(Uri api, string? bearer)
    {
        var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(45) };
        if (bearer is not null)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        }

        return http;
    }

    /// <summary>A client for a test's set-up calls: a 503 with Retry-After (the cluster starting, or slow on a
    /// loaded machine) is waited out for up to two minutes, so that set-up fails only when the API is broken.</summary>
    public static HttpClient SetUpClientFor(Uri api, string bearer)
    {
        var http = new HttpClient(new RetryAfterHandler(TimeSpan.FromMinutes(2))) { BaseAddress = api, Timeout = TimeSpan.FromMinutes(3) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        return http;
    }

    public static RunningApi StartPostgresApi(string connectionString, string name, params (string Key, string Value)[] extra) =>
        Start(name, "Production", [
            ("Spotlight__Mode", "postgres"),
            ("Spotlight__Postgres__ConnectionString", connectionString),
            ("Spotlight__Cluster__ClusterId", PostgresSilos.ClusterId),
            ("Spotlight__Cluster__ServiceId", PostgresSilos.ClusterId),
            ("Spotlight__Auth__SigningKey", TestTokens.SigningKey),
            .. extra]);

    /// <summary>The whole system in one process, as the README's first command runs it: embedded mode,
    /// Development (so the dev token route exists), default limits; only its ports are free ones.</summary>
    public static RunningApi StartEmbeddedApi(string name, string environmentName = "Development", params (string Key, string Value)[] extra) =>
        Start(name, environmentName, [
            ("Spotlight__Dashboard", "false"),
            ("Spotlight__Cluster__SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture)),
            ("Spotlight__Cluster__GatewayPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture)),
            .. extra]);

    private static RunningApi Start(string name, string environmentName, (string Key, string Value)[] settings)
    {
        var httpPort = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environmentName,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["Logging__LogLevel__Default"] = "Warning",
            // Timestamps, so that a failing process test can line the API's log up with what it measured.
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return new RunningApi(HostProcess.Start(SiloProcesses.ApiAssembly, [], environment, name), new Uri($"http://127.0.0.1:{httpPort}"));
    }

    /// <summary>Waits until the API answers /readyz with 200, that is, it reaches a silo.</summary>
    public static async Task WaitUntilReadyAsync(RunningApi api, TimeSpan timeout)
    {
        using var http = api.Client();
        await Eventually.UntilAsync(async () =>
            {
                if (api.Process.HasExited)
                {
                    throw new InvalidOperationException($"{api.Process.Name} exited with {api.Process.ExitCode}:\n{api.Process.Output}");
                }

                return (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK;
            },
            timeout,
            $"{api.Process.Name} to reach a silo (/readyz 200)",
            poll: TimeSpan.FromMilliseconds(250));
    }
}
