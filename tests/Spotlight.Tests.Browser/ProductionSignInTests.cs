using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Spotlight.Tests.Browser;

/// <summary>Outside Development there is no token minting: the sign-in page offers only a real JWT, and the
/// pages work with one.</summary>
[Collection(SiteCollection.Name)]
public class ProductionSignInTests(SiteFixture site)
{
    [Fact]
    public async Task InProduction_SignInTakesARealToken_AndThePagesWorkWithIt()
    {
        var port = FreePorts.Next();
        await using var production = new KestrelApiFactory(port, "Production");
        production.StartServer();
        var address = $"http://127.0.0.1:{port}";
        var context = await site.Browser.NewContextAsync(new() { BaseURL = address, ViewportSize = SiteFixture.Desktop });
        var page = new SitePage(await context.NewPageAsync());

        await page.GotoAsync("/signin.html?return=%2Freview-tracks.html");
        await Expect(page.Page.GetByLabel("Bearer token (JWT)")).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Form, new() { Name = "Development sign-in" })).ToHaveCountAsync(0);
        await page.AssertHealthyAsync();

        // A token from the configured issuer and key, as an identity provider would issue it.
        var token = production.Services.GetRequiredService<TokenIssuer>().Issue("reviewer-prod", [Roles.Reviewer], studioId: null, artistId: null);
        await page.Page.GetByLabel("Bearer token (JWT)").FillAsync(token);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Use this token" }).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync($"{address}/review-tracks.html");
        await Expect(page.Page.Locator("header .who")).ToContainTextAsync("reviewer-prod (reviewer)");
        await Expect(page.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("No tracks are waiting for clearance.");
        await context.CloseAsync();
    }
}
