using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Diagnostics;

namespace Spotlight.Tests.Api;

/// <summary>The Development report the soak judges memory by: admins only, and it follows what is held.</summary>
[Collection(AloneCollection.Name)]
public class RetainedMemoryApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private const int HeldBytes = 64 * 1024 * 1024;

    [Fact]
    public async Task Report_CountsWhatTheProcessHolds_AndNotWhatItDropped()
    {
        var admin = factory.ClientFor("memory-admin", Roles.Admin);
        var before = await ReportAsync(admin);

        var held = new byte[HeldBytes];
        Array.Fill(held, (byte)1);
        var holding = await ReportAsync(admin);
        GC.KeepAlive(held);
        held = null;
        var dropped = await ReportAsync(admin);

        Assert.True(holding.Heap - before.Heap >= HeldBytes * 0.9, $"held 64 MiB: {before.Heap:N0} → {holding.Heap:N0} bytes");
        Assert.True(holding.Heap - dropped.Heap >= HeldBytes * 0.9, $"dropped 64 MiB: {holding.Heap:N0} → {dropped.Heap:N0} bytes");
        Assert.True(holding.WorkingSet >= holding.Heap, $"working set {holding.WorkingSet:N0} below the live objects {holding.Heap:N0}");
    }

    [Fact]
    public async Task Report_IsForAdminsOnly()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync(RetainedMemoryEndpoints.Route, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor("memory-reviewer", Roles.Reviewer).PostAsync(RetainedMemoryEndpoints.Route, null)).StatusCode);
    }

    private static async Task<(long Heap, long WorkingSet)> ReportAsync(HttpClient admin)
    {
        using var response = await admin.PostAsync(RetainedMemoryEndpoints.Route, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("heapBytes").GetInt64(), body.GetProperty("workingSetBytes").GetInt64());
    }
}
