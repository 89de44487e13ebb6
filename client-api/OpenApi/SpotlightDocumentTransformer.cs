using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Spotlight.ClientApi.OpenApi;

/// <summary>What the document says about itself: its title, licence, servers and what each tag holds.</summary>
public sealed class SpotlightDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>Every tag a route carries, described; a route with a tag missing here fails the OpenAPI test.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Browse"] = "What is on now: the open season with its top rows, and the titles trending today.",
        ["Artists"] = "Artist profiles, their tracks and verification.",
        ["Tracks"] = "Track submission and the reviewers' decisions.",
        ["Playlists"] = "Featured playlists per region, from cleared tracks.",
        ["Seasons"] = "Competition seasons, rounds, judges, leaderboards, results and partners' shortlists.",
        ["Videos"] = "Fan videos, their counters and link eligibility.",
        ["Engagement"] = "The engagement stream: batches of views, likes, comments, shares and uses.",
        ["Titles"] = "Movies and shows: hubs, linked videos, analytics and campaigns.",
        ["Reviews"] = "Reviewers' queues of links between videos and titles.",
        ["Creators"] = "Creators' policy standing and incentive rewards.",
        ["Development"] = "Development-only helpers (tokens); not served in production.",
        ["Audit"] = "The append-only trail of people's decisions, for admins.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Spotlight API";
        document.Info.Description = "The HTTP contract of Spotlight's two programmes (independent artists' seasons, and title hubs with studio analytics). Errors are RFC 9457 problem details naming the field.";
        document.Info.License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Spotlight-Proprietary" };
        // Relative: the document describes the API it is served by, whatever host name the caller used
        // (the generator would write the request's own address, trailing slash and all).
        document.Servers = [new OpenApiServer { Url = "/", Description = "The server this document was read from." }];

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Tags.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
