using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Spotlight.ClientApi.Auth;

namespace Spotlight.ClientApi.Demo;

/// <summary>
/// Seeds the demo through the API itself, as a caller would (so everything it makes passed the same checks),
/// then keeps engagement flowing: a JP/KR season of three rounds (100, 18, then 7 winners) with partners and
/// judges; artists with Japanese and Korean names, one cleared track each (a few left waiting for review);
/// a movie and a show with hubs; fan videos using the tracks and tagging the titles; and a generator posting
/// a few hundred events a second, with a viral burst on one video now and then, so leaderboards move, link
/// reviews arrive and analytics fill.
/// </summary>
public sealed class DemoSeeder(
    IOptions<DemoOptions> options,
    TokenIssuer tokens,
    IServer server,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    public const string SeasonId = "demo-season";
    public const string StudioId = "demo-studio";

    /// <summary>Tracks left waiting for a reviewer, so the review queue has work.</summary>
    public const int LeftForReview = 6;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<DemoIdentity> Identities { get; } =
    [
        new("demo-admin", [Roles.Admin], null, "Admin"),
        new("demo-reviewer", [Roles.Reviewer], null, "Reviewer"),
        new("demo-judge-1", [Roles.Judge], null, "Judge"),
        new("demo-partner-01", [Roles.Partner], null, "Industry partner"),
        new("demo-studio-user", [Roles.Studio], StudioId, "Studio"),
        new("demo-artist-0", [Roles.Artist], null, "Artist"),
    ];

    /// <summary>Videos the generator posts to, once seeded (for tests and the log).</summary>
    public IReadOnlyList<string> Videos { get; private set; } = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        using var http = new HttpClient { BaseAddress = OwnAddress(), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            Videos = await SeedAsync(http, stoppingToken);
            logger.LogInformation("Demo seeded: season {Season}, {Artists} artists, {Videos} videos; engagement flows at about {Rate} events/s",
                SeasonId, options.Value.Artists, Videos.Count, options.Value.EventsPerSecond);
            await GenerateAsync(http, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (HttpRequestException ex)
        {
            // The product still runs; only the demo's data is incomplete, and the log says why.
            logger.LogError(ex, "Demo seeding stopped");
        }
    }

    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5000";
        // A wildcard host is where the server listens, not where to call it.
        var uri = new Uri(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal));
        return uri;
    }

    private async Task<IReadOnlyList<string>> SeedAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var demo = options.Value;
        // Round windows are whole minutes.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute));
        var admin = Token("demo-admin", Roles.Admin);
        await SendAsync(http, HttpMethod.Post, "/api/seasons", admin, new
        {
            id = SeasonId,
            name = "Artist Spotlight 2027 · 日本 · 한국",
            regions = new[] { "JP", "KR" },
            partners = Enumerable.Range(1, demo.Partners).Select(i => $"demo-partner-{i:00}"),
            rounds = new object[]
            {
                new { name = "予選 · 예선", opensAt = now.AddHours(-1), closesAt = now.AddDays(7), advance = 100 },
                new { name = "本選 · 본선", opensAt = now.AddDays(7), closesAt = now.AddDays(14), advance = 18 },
                new { name = "決勝 · 결선", opensAt = now.AddDays(14), closesAt = now.AddDays(21) },
            },
            winners = 7,
            prizes = new[] { new { fromRank = 1, toRank = 1, description = "Tokyo × Seoul showcase slot · 東京×ソウル ショーケース · 도쿄×서울 쇼케이스" } },
        }, cancellationToken);
        for (var j = 1; j <= demo.Judges; j++)
        {
            await SendAsync(http, HttpMethod.Post, $"/api/seasons/{SeasonId}/judges", admin, new { userId = $"demo-judge-{j}" }, cancellationToken);
        }

        var studio = Token("demo-studio-user", Roles.Studio, StudioId);
        await SendAsync(http, HttpMethod.Post, "/api/titles", studio, Title("demo-harbor", "星降る港", "movie", "星降る港", "hoshifuruminato", "港", "Hana Mori"), cancellationToken);
        await SendAsync(http, HttpMethod.Post, "/api/titles", studio, Title("demo-market", "별빛 시장", "show", "별빛시장", "starlightmarket", "시장", "김수아"), cancellationToken);

        var reviewer = Token("demo-reviewer", Roles.Reviewer);
        var ingest = Token("demo-ingest", Roles.Ingest);
        var videos = new List<string>();
        for (var i = 0; i < demo.Artists; i++)
        {
            var artist = Token($"demo-artist-{i}", Roles.Artist);
            var region = DemoNames.RegionOf(i);
            var profile = await SendAsync(http, HttpMethod.Post, "/api/artists", artist, new
            {
                displayName = DemoNames.Artist(i),
                region,
                bio = region == "JP" ? "シンガーソングライター。" : "싱어송라이터.",
                contactEmail = $"artist{i}@demo.spotlight.example",
            }, cancellationToken);
            var artistId = profile.GetProperty("id").GetString()!;
            var track = await SendAsync(http, HttpMethod.Post, $"/api/artists/{artistId}/tracks", artist, new
            {
                title = DemoNames.Track(i),
                audioUrl = $"https://audio.demo.spotlight.example/{i}.mp3",
                durationSeconds = 150 + (i * 7 % 90),
                originalWork = true,
                seasonId = SeasonId,
            }, cancellationToken);
            var trackId = track.GetProperty("id").GetString()!;
            if (i >= demo.Artists - LeftForReview)
            {
                continue;
            }

            await SendAsync(http, HttpMethod.Post, $"/api/tracks/{trackId}/review", reviewer, new { decision = "clear" }, cancellationToken);
            for (var v = 0; v < demo.VideosPerTrack; v++)
            {
                // Every other video tags one of the titles, so the titles' hubs and analytics have fans.
                var (hashtag, caption) = (i + v) % 2 == 0 ? ("hoshifuruminato", "星降る港のエンディングを歌ってみた") : ("starlightmarket", "별빛 시장 OST 커버");
                var id = $"demo-video-{i}-{v}";
                await SendAsync(http, HttpMethod.Post, "/api/videos", ingest, new
                {
                    id,
                    creatorId = $"demo-creator-{(i + v) % 40}",
                    creatorFollowers = 2_000 + (i * 997 % 50_000),
                    trackId,
                    hashtags = new[] { hashtag },
                    caption,
                    visualTags = Array.Empty<string>(),
                }, cancellationToken);
                videos.Add(id);
            }
        }

        return videos;
    }

    /// <summary>Posts a batch a second: views mostly, with likes, comments, shares; a few videos get most of it
    /// (a skewed pick), and every <see cref="DemoOptions.BurstEvery"/> one video goes viral for ten seconds.</summary>
    private async Task GenerateAsync(HttpClient http, CancellationToken cancellationToken)
    {
        if (Videos.Count == 0)
        {
            return;
        }

        var ingest = Token("demo-ingest", Roles.Ingest);
        var random = new Random(2027);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        var (viral, viralUntil, nextBurst) = ((string?)null, DateTimeOffset.MinValue, clock.GetUtcNow() + options.Value.BurstEvery);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var now = clock.GetUtcNow();
            if (now >= nextBurst)
            {
                (viral, viralUntil, nextBurst) = (Videos[random.Next(Videos.Count)], now.AddSeconds(10), now + options.Value.BurstEvery);
            }

            var events = new List<object>();
            for (var n = 0; n < options.Value.EventsPerSecond; n += 10)
            {
                var video = Videos[(int)(Videos.Count * Math.Pow(random.NextDouble(), 3))];
                events.Add(new { videoId = video, kind = Kind(random), count = 10 });
            }

            if (viral is not null && now < viralUntil)
            {
                events.Add(new { videoId = viral, kind = "view", count = options.Value.EventsPerSecond * 5 });
                events.Add(new { videoId = viral, kind = "share", count = options.Value.EventsPerSecond / 5 });
            }

            try
            {
                await SendAsync(http, HttpMethod.Post, "/api/engagement", ingest, new { batchId = Guid.NewGuid().ToString("N"), events }, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning(ex, "Demo engagement batch not accepted; the next one follows in a second");
            }
        }
    }

    private static string Kind(Random random) => random.Next(100) switch
    {
        < 80 => "view",
        < 92 => "like",
        < 97 => "comment",
        _ => "share",
    };

    private static object Title(string id, string name, string kind, string hashtag, string latinHashtag, string keyword, string cast) => new
    {
        id,
        name,
        kind,
        studioId = StudioId,
        cast = new[] { new { name = cast, role = kind == "movie" ? "主演" : "주연" } },
        socials = new[] { new { platform = "x", url = $"https://x.com/{latinHashtag}" } },
        whereToWatch = new[] { new { provider = kind == "movie" ? "Cinema One" : "StreamKR", kind = kind == "movie" ? "tickets" : "stream", url = $"https://watch.demo.spotlight.example/{latinHashtag}", regions = new[] { "JP", "KR" } } },
        hashtags = new[] { hashtag, latinHashtag },
        keywords = new[] { keyword },
        visualTags = Array.Empty<string>(),
        minFollowers = 1_000,
        minViews = 500,
    };

    private string Token(string subject, string role, string? studioId = null) => tokens.Issue(subject, [role], studioId, artistId: null);

    /// <summary>Sends one call; while the cluster is still starting (503) it waits as told and tries again, and a
    /// 409 (already there, from an earlier seeding) counts as done.</summary>
    private static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, string token, object body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: Json) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 60)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                return default;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Demo seeding: {method} {path} answered {(int)response.StatusCode}: {text}");
            }

            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
