using System.Globalization;
using BenchmarkDotNet.Running;
using Spotlight.Benchmarks;

// dotnet run -c Release --project tests/Spotlight.Benchmarks -- leaderboard [BenchmarkDotNet options]
// dotnet run -c Release --project tests/Spotlight.Benchmarks -- memory [entries]
// dotnet run -c Release --project tests/Spotlight.Benchmarks -- round-reads [entries]
var command = args.FirstOrDefault();
int Count(int fallback) => args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
switch (command)
{
    case "leaderboard":
        BenchmarkRunner.Run<LeaderboardBenchmarks>(args: args[1..]);
        return 0;
    case "memory":
        MemoryPerEntry.Run(Count(1_000_000));
        return 0;
    case "round-reads":
        await RoundReadLatency.RunAsync(Count(100_000));
        return 0;
    default:
        Console.Error.WriteLine("usage: Spotlight.Benchmarks leaderboard [BenchmarkDotNet options] | memory [entries] | round-reads [entries]");
        return 2;
}
