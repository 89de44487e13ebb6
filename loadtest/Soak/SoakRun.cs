using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Spotlight.LoadTest.Common;

namespace Spotlight.LoadTest.Soak;

/// <summary>
/// A long, steady mix against a running API: paced engagement batches (Zipf over the videos), paced reads of
/// public, reviewer and studio routes, and a stream of reviews (tracks submitted then cleared or rejected,
/// judges' scores, videos registered then their link reviews decided). Every call must succeed; the API's
/// memory is sampled from its /metrics, and what it retains is measured after a full collection every
/// minute or so; at the end every video's counters must equal what was acknowledged and every link review
/// must have been decided.
/// </summary>
public sealed class SoakRun(LoadTestOptions options, SoakSetUp setUp)
{
    private const int ReadWorkers = 8;

    /// <summary>Fewer than an artist may submit (100), so a new artist takes over before the limit.</summary>
    private const int TracksPerArtist = 50;
    private readonly Stopwatch _clock = new();
    private readonly GroundTruth _truth = new(options.Videos + 1, v => SpotlightClient.VideoId(setUp.RunId, v));
    private readonly SoakErrors _errors = new();
    private readonly List<MemorySample> _memory = [];
    private readonly List<RetainedSample> _retained = [];
    private readonly List<MemorySample> _siloMemory = [];
    private readonly List<RetainedSample> _siloRetained = [];
    private readonly List<TableSample> _tables = [];
    private readonly MinuteStats _minutes = new(options.DurationSeconds);
    private long _events;
    private long _reads;
    private long _trackReviews;
    private long _judgeScores;
    private long _linkVideos;
    private long _linkDecisions;
    private (HttpClient Client, string Id)? _artist;

    private SoakClients Clients => setUp.Clients;

    private TimeSpan Deadline => TimeSpan.FromSeconds(options.DurationSeconds);

    public static async Task<SoakResult> RunAsync(LoadTestOptions options, string runId, Action<string> progress)
    {
        using var http = new HttpClient { BaseAddress = options.Target, Timeout = TimeSpan.FromSeconds(30) };
        var api = new SpotlightClient(http);
        var setUpClock = Stopwatch.StartNew();
        progress($"Setting up a season, {options.Tracks:N0} cleared tracks and {options.Videos + 1:N0} videos on {options.Target} (run {runId})…");
        var setUp = await SoakSetUp.CreateAsync(api, options, runId, progress);
        using var clients = setUp.Clients;
        await using var database = options.Postgres is { } connectionString ? NpgsqlDataSource.Create(connectionString) : null;
        using var silo = options.SiloMetrics is null ? null : new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        progress($"Set up in {setUpClock.Elapsed.TotalSeconds:N0} s. Soaking for {options.DurationSeconds} s: {options.Rate:N0} events/s, {options.ReadsPerSecond} reads/s, {options.ReviewsPerSecond} review cycles/s…");
        return await new SoakRun(options, setUp) { Database = database, Silo = silo }.ExecuteAsync(progress);
    }

    /// <summary>The system's database, when the soak samples the engagement tables (postgres mode).</summary>
    private NpgsqlDataSource? Database { get; init; }

    /// <summary>A client for the silo's health port, when the soak samples the silo's memory (postgres mode):
    /// its /metrics, and what it retains after a full collection (<c>POST /retained-memory</c>, Development only).</summary>
    private HttpClient? Silo { get; init; }

    public async Task<SoakResult> ExecuteAsync(Action<string> progress)
    {
        var zipf = new ZipfSampler(options.Videos, options.ZipfExponent);
        var poster = new BatchPoster(Clients.Ingest, _clock, e => _errors.Record("ingest", e));
        _clock.Start();
        var senderInterval = TimeSpan.FromSeconds((double)options.Senders * options.BatchSize / options.Rate);
        var videoIds = new VideoIds(options.Videos + 1, v => SpotlightClient.VideoId(setUp.RunId, v));
        var bodies = Enumerable.Range(0, options.Senders).Select(_ => new BatchBody(videoIds)).ToArray();
        var readInterval = TimeSpan.FromSeconds((double)ReadWorkers / options.ReadsPerSecond);
        List<Task> workers =
        [
            .. Enumerable.Range(0, options.Senders).Select(s =>
                PacedAsync("ingest", senderInterval, senderInterval * s / options.Senders, (k, random) => SendAsync(poster, bodies[s], zipf, random, s, k))),
            .. Enumerable.Range(0, ReadWorkers).Select(w =>
                PacedAsync("read", readInterval, readInterval * w / ReadWorkers, (k, random) => ReadAsync(zipf, random, (k * ReadWorkers) + w))),
            PacedAsync("review cycle", TimeSpan.FromSeconds(1 / options.ReviewsPerSecond), TimeSpan.Zero, (k, random) => ReviewCycleAsync(random, k)),
            PacedAsync("link reviews", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500), (_, _) => DecidePendingLinksAsync()),
            PacedAsync("memory sample", TimeSpan.FromSeconds(options.SampleSeconds), TimeSpan.Zero, (_, _) => SampleAsync(progress)),
            PacedAsync("retained memory", TimeSpan.FromSeconds(options.CollectSeconds), TimeSpan.FromSeconds(options.CollectSeconds / 2.0), (_, _) => CollectAsync(progress)),
        ];
        await Task.WhenAll(workers);
        var ran = _clock.Elapsed.TotalSeconds;
        _artist?.Client.Dispose();

        progress("Load stopped. Deciding the link reviews still pending…");
        var undecided = await DrainLinkReviewsAsync(TimeSpan.FromSeconds(options.VerifySeconds));
        progress("Checking every video's counters against what was acknowledged…");
        var mismatches = await _truth.VerifyAsync(Clients.Anonymous, TimeSpan.FromSeconds(options.VerifySeconds));
        if (undecided > 0)
        {
            mismatches.Add($"{undecided} of {_linkVideos} videos registered for a link review were never decided (no review appeared, or it stayed pending)");
        }

        return Result(ran, poster, mismatches);
    }

    /// <summary>Runs <paramref name="step"/> every <paramref name="interval"/> from <paramref name="offset"/> until
    /// the deadline; a slow step makes the next ones run late, never more often than planned.</summary>
    private async Task PacedAsync(string name, TimeSpan interval, TimeSpan offset, Func<long, Random, Task> step)
    {
        var random = new Random(HashCode.Combine(interval, offset));
        for (long k = 0; ; k++)
        {
            var due = offset + (interval * k);
            if (due >= Deadline)
            {
                return;
            }

            if (due - _clock.Elapsed is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait);
            }

            try
            {
                await step(k, random);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
            {
                _errors.Record(name, $"{ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    private async Task SendAsync(BatchPoster poster, BatchBody body, ZipfSampler zipf, Random random, int sender, long sequence)
    {
        var picks = new (int Video, int Kind)[options.BatchSize];
        for (var i = 0; i < picks.Length; i++)
        {
            var roll = random.Next(100);
            picks[i] = (zipf.Next(random), roll < 85 ? 0 : roll < 95 ? 1 : roll < 98 ? 2 : 3);
        }

        if (await poster.PostAsync(body.Write($"{setUp.RunId}-soak-{sender}-{sequence}", picks)) is { } acknowledged)
        {
            foreach (var (video, kind) in picks)
            {
                _truth.Add(video, kind);
            }

            Interlocked.Add(ref _events, picks.Length);
            _minutes.Acknowledged(acknowledged.Started, acknowledged.Latency, picks.Length);
        }
    }

    /// <summary>One read, taking the routes in turn: what artists, fans, reviewers and studios look at.</summary>
    private async Task ReadAsync(ZipfSampler zipf, Random random, long turn)
    {
        var catalogue = setUp.Catalogue;
        var track = catalogue.Tracks[random.Next(catalogue.Tracks.Length)];
        var (client, route, url) = (turn % 11) switch
        {
            0 => (Clients.Anonymous, "video", $"/api/videos/{SpotlightClient.VideoId(setUp.RunId, zipf.Next(random))}"),
            1 => (Clients.Anonymous, "track", $"/api/tracks/{track}"),
            2 => (Clients.Anonymous, "artist", $"/api/artists/{catalogue.Artists[random.Next(catalogue.Artists.Length)]}"),
            3 => (Clients.Anonymous, "playlist", "/api/playlists/featured?region=JP"),
            4 => (Clients.Anonymous, "leaderboard", $"/api/seasons/{setUp.SeasonId}/rounds/1/leaderboard?top=100"),
            5 => (Clients.Anonymous, "leaderboard around", $"/api/seasons/{setUp.SeasonId}/rounds/1/leaderboard?top=10&around={track}"),
            6 => (Clients.Anonymous, "season", $"/api/seasons/{setUp.SeasonId}"),
            7 => (Clients.Anonymous, "hub", $"/api/titles/{SpotlightClient.HotTitle(setUp.RunId)}/hub?region=JP"),
            8 => (Clients.Admin, "analytics", $"/api/titles/{SpotlightClient.HotTitle(setUp.RunId)}/analytics?bucket=minute"),
            9 => (Clients.Reviewer, "track queue", "/api/reviews/tracks"),
            _ => (Clients.Reviewer, "link queue", $"/api/reviews/links?titleId={setUp.LinkTitleId}"),
        };
        var started = _clock.Elapsed;
        using var response = await client.GetAsync(url);
        if (await _errors.CheckAsync($"GET {route}", response, HttpStatusCode.OK))
        {
            Interlocked.Increment(ref _reads);
            _minutes.Read(started, _clock.Elapsed - started);
        }
    }

    /// <summary>A track submitted and cleared (every fourth rejected, with a reason), a judge's score for an
    /// entry, and a video registered that enters the link title's review queue.</summary>
    private async Task ReviewCycleAsync(Random random, long cycle)
    {
        if (_artist is not { } artist || cycle % TracksPerArtist == 0)
        {
            _artist?.Client.Dispose();
            _artist = null;
            var client = await setUp.Api.ForAsync($"lt-soak-artist-{setUp.RunId}-{cycle / TracksPerArtist}", "artist");
            var created = await client.PostAsJsonAsync("/api/artists", new { displayName = $"Soak Artist {cycle / TracksPerArtist}", region = "JP" });
            if (!await _errors.CheckAsync("POST artist", created, HttpStatusCode.Created))
            {
                client.Dispose();
                return;
            }

            _artist = artist = (client, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        var submitted = await artist.Client.PostAsJsonAsync($"/api/artists/{artist.Id}/tracks", new
        {
            title = $"Soak Track {cycle}",
            audioUrl = "https://cdn.example/soak.mp3",
            durationSeconds = 150,
            originalWork = true,
            seasonId = setUp.SeasonId,
        });
        if (await _errors.CheckAsync("POST track", submitted, HttpStatusCode.Created))
        {
            var trackId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            var review = cycle % 4 == 3 ? (object)new { decision = "reject", reason = "Soak: rejected on purpose." } : new { decision = "clear" };
            if (await _errors.CheckAsync("POST track review", await Clients.Reviewer.PostAsJsonAsync($"/api/tracks/{trackId}/review", review), HttpStatusCode.OK))
            {
                Interlocked.Increment(ref _trackReviews);
            }
        }

        var entry = setUp.Catalogue.Tracks[random.Next(setUp.Catalogue.Tracks.Length)];
        if (await _errors.CheckAsync("POST judge score", await Clients.Judge.PostAsJsonAsync($"/api/seasons/{setUp.SeasonId}/rounds/1/scores", new { trackId = entry, score = (int)(cycle % 11) }), HttpStatusCode.OK))
        {
            Interlocked.Increment(ref _judgeScores);
        }

        var registered = await Clients.Ingest.PostAsJsonAsync("/api/videos", new
        {
            id = $"lt-{setUp.RunId}-link-{cycle}",
            creatorId = $"lt-link-creator-{cycle % 50}",
            creatorFollowers = 5000,
            trackId = entry,
            hashtags = new[] { setUp.LinkTitleId },
            caption = "soak",
            visualTags = Array.Empty<string>(),
        });
        if (await _errors.CheckAsync("POST video", registered, HttpStatusCode.Created))
        {
            Interlocked.Increment(ref _linkVideos);
        }
    }

    /// <summary>Decides the link title's pending reviews, oldest first: approves half, rejects half with a reason.
    /// Returns how many were pending.</summary>
    private async Task<int> DecidePendingLinksAsync()
    {
        var pending = await Clients.Reviewer.GetFromJsonAsync<JsonElement>($"/api/reviews/links?status=pending&titleId={setUp.LinkTitleId}&limit=100");
        foreach (var review in pending.EnumerateArray())
        {
            var approve = Interlocked.Read(ref _linkDecisions) % 2 == 0;
            var decided = await Clients.Reviewer.PostAsJsonAsync("/api/reviews/links", new
            {
                videoId = review.GetProperty("videoId").GetString(),
                titleId = setUp.LinkTitleId,
                decision = approve ? "approve" : "reject",
                reason = approve ? null : "Soak: not a fan video of this title.",
            });
            if (await _errors.CheckAsync("POST link review", decided, HttpStatusCode.OK))
            {
                Interlocked.Increment(ref _linkDecisions);
            }
        }

        return pending.GetArrayLength();
    }

    /// <summary>After the load: decides what is still pending until every registered video was decided;
    /// returns how many were not.</summary>
    private async Task<long> DrainLinkReviewsAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Interlocked.Read(ref _linkDecisions) < Interlocked.Read(ref _linkVideos) && clock.Elapsed < timeout)
        {
            if (await DecidePendingLinksAsync() == 0)
            {
                await Task.Delay(200);
            }
        }

        return Interlocked.Read(ref _linkVideos) - Interlocked.Read(ref _linkDecisions);
    }

    private async Task SampleAsync(Action<string> progress)
    {
        var at = _clock.Elapsed.TotalSeconds;
        var sample = MemorySample.Parse(await Clients.Anonymous.GetStringAsync("/metrics"), at);
        if (sample is null)
        {
            _errors.Record("GET metrics", "no dotnet_process_memory_working_set_bytes in /metrics");
            return;
        }

        AddLocked(_memory, sample);
        var extra = "";
        if (Silo is not null)
        {
            if (MemorySample.Parse(await Silo.GetStringAsync(options.SiloMetrics), at) is { } silo)
            {
                AddLocked(_siloMemory, silo);
                extra += $"  silo heap {Mb(silo.HeapBytes),5:N0} MB";
            }
            else
            {
                _errors.Record("GET silo metrics", "no dotnet_process_memory_working_set_bytes in the silo's /metrics");
            }
        }

        if (Database is not null)
        {
            try
            {
                var tables = await TableSample.ReadAsync(Database, at);
                AddLocked(_tables, tables);
                extra += $"  log {Mb(tables.LogBytes),5:N0} MB  batch ids {Mb(tables.BatchIdBytes),4:N0} MB  store {Mb(tables.StoreBytes),5:N0} MB";
            }
            catch (NpgsqlException ex)
            {
                _errors.Record("table sizes", ex.Message);
            }
        }

        progress($"t={at,5:0}s  working set {Mb(sample.WorkingSetBytes),6:N0} MB  heap {Mb(sample.HeapBytes),5:N0} MB{extra}  events {Interlocked.Read(ref _events),11:N0}  reads {Interlocked.Read(ref _reads),8:N0}  track reviews {Interlocked.Read(ref _trackReviews),6:N0}  link decisions {Interlocked.Read(ref _linkDecisions),6:N0}  errors {_errors.Total}{(at < options.WarmupSeconds ? "  [warm-up]" : "")}");
    }

    /// <summary>Has the API collect its garbage fully and report what it still holds.</summary>
    private async Task CollectAsync(Action<string> progress)
    {
        var at = _clock.Elapsed.TotalSeconds;
        using var response = await Clients.Admin.PostAsync("/api/dev/retained-memory", null);
        if (!await _errors.CheckAsync("POST retained-memory (Development only)", response, HttpStatusCode.OK))
        {
            return;
        }

        var sample = await RetainedAsync(response, at);
        AddLocked(_retained, sample);
        var silo = "";
        if (Silo is not null)
        {
            using var siloResponse = await Silo.PostAsync(new Uri(options.SiloMetrics!, "/retained-memory"), null);
            if (await _errors.CheckAsync("POST silo retained-memory (Development only)", siloResponse, HttpStatusCode.OK))
            {
                var siloSample = await RetainedAsync(siloResponse, at);
                AddLocked(_siloRetained, siloSample);
                silo = $"; silo: objects {Mb(siloSample.HeapBytes),5:N0} MB  working set {Mb(siloSample.WorkingSetBytes),6:N0} MB (untrimmed {Mb(siloSample.UntrimmedWorkingSetBytes):N0})  native {Mb(siloSample.NativeInUseBytes ?? 0):N0} MB  ({siloSample.CollectionMs:N0} ms)";
            }
        }

        progress($"t={at,5:0}s  retained after a full collection: objects {Mb(sample.HeapBytes),5:N0} MB  working set {Mb(sample.WorkingSetBytes),6:N0} MB  ({sample.CollectionMs:N0} ms){silo}{(at < options.WarmupSeconds ? "  [warm-up]" : "")}");
    }

    private static async Task<RetainedSample> RetainedAsync(HttpResponseMessage response, double at)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new RetainedSample(at, body.GetProperty("heapBytes").GetInt64(), body.GetProperty("workingSetBytes").GetInt64(), body.GetProperty("collectionMs").GetDouble(),
            body.GetProperty("committedBytes").GetInt64(), body.GetProperty("threads").GetInt32(), body.GetProperty("untrimmedWorkingSetBytes").GetInt64(),
            body.GetProperty("nativeInUseBytes") is { ValueKind: JsonValueKind.Number } native ? native.GetInt64() : null);
    }

    private SoakResult Result(double ran, BatchPoster poster, List<string> mismatches)
    {
        var memory = CopyLocked(_memory);
        var retained = CopyLocked(_retained);

        var workingSet = MemoryGrowth.Of(memory, options.WarmupSeconds, ran, s => s.WorkingSetBytes);
        var heap = MemoryGrowth.Of(memory, options.WarmupSeconds, ran, s => s.HeapBytes);
        var retainedObjects = MemoryGrowth.Of(retained, options.WarmupSeconds, ran, s => s.HeapBytes);
        var retainedWorkingSet = MemoryGrowth.Of(retained, options.WarmupSeconds, ran, s => s.WorkingSetBytes);
        var untrimmedWorkingSet = MemoryGrowth.Of(retained, options.WarmupSeconds, ran, s => s.UntrimmedWorkingSetBytes);
        var siloMemory = CopyLocked(_siloMemory);
        var tables = CopyLocked(_tables);
        var siloRetained = CopyLocked(_siloRetained);
        // Sampled only in postgres mode: no samples, no figure.
        MemoryGrowth? Sampled<T>(List<T> samples, Func<T, long> measure) where T : ITimedSample =>
            samples.Count == 0 ? null : MemoryGrowth.Of(samples, options.WarmupSeconds, ran, measure);
        var siloHeap = Sampled(siloMemory, s => s.HeapBytes);
        var siloObjects = Sampled(siloRetained, s => s.HeapBytes);
        var siloWorkingSet = Sampled(siloRetained, s => s.WorkingSetBytes);
        var siloUntrimmed = Sampled(siloRetained, s => s.UntrimmedWorkingSetBytes);
        var siloNative = siloRetained.Any(s => s.NativeInUseBytes is null) ? null : Sampled(siloRetained, s => s.NativeInUseBytes ?? 0);
        var log = Sampled(tables, s => s.LogBytes);
        var batchIds = Sampled(tables, s => s.BatchIdBytes);
        var store = Sampled(tables, s => s.StoreBytes);
        var errors = _errors.Total;
        return new SoakResult(
            RunId: setUp.RunId,
            Options: options,
            RanSeconds: ran,
            Events: Interlocked.Read(ref _events),
            Reads: Interlocked.Read(ref _reads),
            TrackReviews: Interlocked.Read(ref _trackReviews),
            JudgeScores: Interlocked.Read(ref _judgeScores),
            LinkVideos: Interlocked.Read(ref _linkVideos),
            LinkDecisions: Interlocked.Read(ref _linkDecisions),
            Errors: errors,
            ErrorsByOperation: _errors.ByOperation,
            ErrorExamples: _errors.FirstExamples,
            UnacknowledgedBatches: poster.Unacknowledged,
            Mismatches: mismatches.Count,
            MismatchExamples: [.. mismatches.Take(10)],
            Memory: memory,
            Retained: retained,
            WorkingSetGrowth: workingSet,
            HeapGrowth: heap,
            RetainedObjectsGrowth: retainedObjects,
            RetainedWorkingSetGrowth: retainedWorkingSet,
            RetainedUntrimmedWorkingSetGrowth: untrimmedWorkingSet,
            Minutes: _minutes.Samples(ran),
            SiloMemory: siloMemory,
            SiloRetained: siloRetained,
            SiloHeapGrowth: siloHeap,
            SiloRetainedObjectsGrowth: siloObjects,
            SiloRetainedWorkingSetGrowth: siloWorkingSet,
            SiloRetainedUntrimmedWorkingSetGrowth: siloUntrimmed,
            SiloNativeInUseGrowth: siloNative,
            Tables: tables,
            LogGrowth: log,
            BatchIdGrowth: batchIds,
            StoreGrowth: store,
            Passed: errors == 0 && poster.Unacknowledged == 0 && mismatches.Count == 0
                && retainedObjects.Percent <= options.MaxGrowthPercent && retainedWorkingSet.Percent <= options.MaxGrowthPercent
                && Within(siloObjects) && Within(siloWorkingSet) && Within(log) && Within(batchIds));
    }

    /// <summary>A figure the soak did not sample passes; one it sampled may grow by the limit at most.</summary>
    private bool Within(MemoryGrowth? growth) => growth is null || growth.Percent <= options.MaxGrowthPercent;

    // The sampling workers add while the result is read.
    private static void AddLocked<T>(List<T> list, T item)
    {
        lock (list)
        {
            list.Add(item);
        }
    }

    private static List<T> CopyLocked<T>(List<T> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }

    internal static double Mb(long bytes) => bytes / 1024.0 / 1024.0;
}
