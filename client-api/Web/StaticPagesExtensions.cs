namespace Spotlight.ClientApi.Web;

/// <summary>The web pages for people: static HTML, CSS and small JavaScript modules from wwwroot, which call
/// the API like any other client.</summary>
public static class StaticPagesExtensions
{
    // Pages load only their own scripts and styles and talk only to this origin, so injected markup could
    // neither run script nor send data elsewhere.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src https:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static WebApplication UseSpotlightPages(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
            },
        });
        return app;
    }
}
