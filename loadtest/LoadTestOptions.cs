using System.Globalization;

namespace Spotlight.LoadTest;

/// <summary>Command-line settings, each <c>--name value</c>.</summary>
public sealed record LoadTestOptions
{
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

    public static LoadTestOptions Parse(string[] args)
    {
        var options = new LoadTestOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
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
                "--verify-seconds" => options with { VerifySeconds = Int(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        if (!options.Target.IsLoopback)
        {
            throw new ArgumentException("The load test only targets loopback addresses (127.0.0.1, localhost, [::1]).");
        }

        if (options.BatchSize is < 1 or > 5000 || options.Videos < 2 || options.Tracks < 1 || options.Senders < 1 || options.DurationSeconds < 1 || options.VerifySeconds < 1)
        {
            throw new ArgumentException("--batch 1..5000, --videos ≥ 2, --tracks ≥ 1, --senders ≥ 1, --duration ≥ 1, --verify-seconds ≥ 1.");
        }

        return options;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
