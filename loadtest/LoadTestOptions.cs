using System.Globalization;

namespace Spotlight.LoadTest;

/// <summary>Command-line settings, each <c>--name value</c>.</summary>
public sealed record LoadTestOptions
{
    /// <summary><c>ingest</c>: as many events as the senders can post, with a viral phase; <c>soak</c>: a
    /// steady mix of ingestion, reads and reviews for a long time, watching the API's memory.</summary>
    public string Mode { get; init; } = "ingest";

    public Uri Target { get; init; } = new("http://127.0.0.1:5000");
    public int Videos { get; init; } = 100_000;
    public int Tracks { get; init; } = 10_000;
    public int DurationSeconds { get; init; } = 60;
    public int BatchSize { get; init; } = 500;
    public int Senders { get; init; } = 16;
    public double ZipfExponent { get; init; } = 1.1;
    public int ViralStartSeconds { get; init; } = 20;
    public int ViralDurationSeconds { get; init; } = 20;
    public double ViralShare { get; init; } = 0.5;
    public string Output { get; init; } = "loadtest-results";

    /// <summary>How long the final check waits for consumers that lag to reach the ground truth.</summary>
    public int VerifySeconds { get; init; } = 300;

    /// <summary>Events per second, paced (soak: default 5,000; ingest: default 0, as fast as the senders can).</summary>
    public int? EventsPerSecond { get; init; }

    /// <summary>The soak's rate, or the ingestion run's (0: unpaced).</summary>
    public int Rate => EventsPerSecond ?? (Mode == "soak" ? 5_000 : 0);

    /// <summary>Ingest: how many tracks are entries of the run's season (its round 1 leaderboard is probed).</summary>
    public int Entries { get; init; } = 1_000;

    /// <summary>Soak: reads per second, paced, spread over the public, reviewer and studio routes.</summary>
    public int ReadsPerSecond { get; init; } = 50;

    /// <summary>Soak: review cycles per second (a track submitted and cleared or rejected, a judge's score, a
    /// video registered for a link review); link reviews are decided as they appear. 0.5 is 1,800 of each an
    /// hour, heavy for reviews people do; 2 is a stress rate whose new data alone grows embedded mode's
    /// memory past the soak's limit (docs/benchmarks.md).</summary>
    public double ReviewsPerSecond { get; init; } = 0.5;

    /// <summary>Soak: seconds at the start whose memory does not count (activations, caches and pools filling).</summary>
    public int WarmupSeconds { get; init; } = 300;

    /// <summary>Soak: seconds between memory samples from the API's /metrics.</summary>
    public int SampleSeconds { get; init; } = 10;

    /// <summary>Soak: seconds between full collections that measure what the API retains
    /// (<c>POST /api/dev/retained-memory</c>, Development only).</summary>
    public int CollectSeconds { get; init; } = 60;

    /// <summary>Soak: the most the memory the API retains after a full collection (live objects, and the
    /// working set) may grow after warm-up, in percent.</summary>
    public double MaxGrowthPercent { get; init; } = 10;

    /// <summary>Soak, postgres mode: a connection string to the system's database; the soak then samples the
    /// engagement tables' sizes and judges that the log and the batch ids stop growing after warm-up.</summary>
    public string? Postgres { get; init; }

    /// <summary>Soak, postgres mode: a silo's <c>/metrics</c> (its health port); the soak then samples the silo's
    /// memory too and judges its growth like the API's.</summary>
    public Uri? SiloMetrics { get; init; }

    /// <summary>Ingest: titles made that the hot title's videos match (the alert rules' titles; 0: none).</summary>
    public int AlertTitles { get; init; }

    /// <summary>Ingest: studios' trend alerts spread over the alert titles (at most 20 each).</summary>
    public int AlertRules { get; init; }

    public static LoadTestOptions Parse(string[] args)
    {
        var options = new LoadTestOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--mode" => options with { Mode = value },
                "--rate" => options with { EventsPerSecond = Int(value) },
                "--entries" => options with { Entries = Int(value) },
                "--reads" => options with { ReadsPerSecond = Int(value) },
                "--reviews" => options with { ReviewsPerSecond = double.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup" => options with { WarmupSeconds = Int(value) },
                "--sample" => options with { SampleSeconds = Int(value) },
                "--collect" => options with { CollectSeconds = Int(value) },
                "--max-growth" => options with { MaxGrowthPercent = double.Parse(value, CultureInfo.InvariantCulture) },
                "--target" => options with { Target = new Uri(value) },
                "--videos" => options with { Videos = Int(value) },
                "--tracks" => options with { Tracks = Int(value) },
                "--duration" => options with { DurationSeconds = Int(value) },
                "--batch" => options with { BatchSize = Int(value) },
                "--senders" => options with { Senders = Int(value) },
                "--zipf" => options with { ZipfExponent = double.Parse(value, CultureInfo.InvariantCulture) },
                "--viral-start" => options with { ViralStartSeconds = Int(value) },
                "--viral-duration" => options with { ViralDurationSeconds = Int(value) },
                "--viral-share" => options with { ViralShare = double.Parse(value, CultureInfo.InvariantCulture) },
                "--out" => options with { Output = value },
                "--alert-titles" => options with { AlertTitles = Int(value) },
                "--alert-rules" => options with { AlertRules = Int(value) },
                "--verify-seconds" => options with { VerifySeconds = Int(value) },
                "--postgres" => options with { Postgres = value },
                "--silo-metrics" => options with { SiloMetrics = new Uri(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        if (!options.Target.IsLoopback || options.SiloMetrics is { IsLoopback: false })
        {
            throw new ArgumentException("The load test only targets loopback addresses (127.0.0.1, localhost, [::1]).");
        }

        if (options.BatchSize is < 1 or > 5000 || options.Videos < 2 || options.Tracks < 1 || options.Senders < 1 || options.DurationSeconds < 1 || options.VerifySeconds < 1
            || options.Rate < 0 || options.Entries < 0)
        {
            throw new ArgumentException("--batch 1..5000, --videos ≥ 2, --tracks ≥ 1, --senders ≥ 1, --duration ≥ 1, --verify-seconds ≥ 1, --rate ≥ 0, --entries ≥ 0.");
        }

        if (options.AlertTitles < 0 || options.AlertRules < 0 || options.AlertRules > 20 * options.AlertTitles)
        {
            throw new ArgumentException("--alert-titles ≥ 0 and --alert-rules from 0 to 20 × --alert-titles (a title has at most 20 alerts).");
        }

        if (options.Mode is not ("ingest" or "soak"))
        {
            throw new ArgumentException("--mode ingest or soak.");
        }

        if (options.Mode == "soak" && (options.Rate < 1 || options.ReadsPerSecond < 1 || options.ReviewsPerSecond <= 0
            || options.SampleSeconds < 1 || options.CollectSeconds < 1 || options.WarmupSeconds < 0 || options.MaxGrowthPercent < 0
            || options.DurationSeconds - options.WarmupSeconds < 4 * Math.Max(options.SampleSeconds, options.CollectSeconds)))
        {
            throw new ArgumentException("Soak: --rate ≥ 1, --reads ≥ 1, --reviews > 0, --sample ≥ 1, --collect ≥ 1, --warmup ≥ 0, --max-growth ≥ 0, and --duration at least --warmup plus four samples and four collections.");
        }

        return options;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
