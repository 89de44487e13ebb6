using System.Globalization;
using BenchmarkDotNet.Running;
using Spotlight.Benchmarks;

// dotnet run -c Release --project tests/Spotlight.Benchmarks -- leaderboard [BenchmarkDotNet options]
// dotnet run -c Release --project tests/Spotlight.Benchmarks -- memory [entries]
// dotnet run -c Release --project tests/Spotlight.Benchmarks -- round-reads [entries]
var command = args.FirstOrDefault();
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
switch (command)
{
    case "leaderboard":
        BenchmarkRunner.Run<LeaderboardBenchmarks>(args: args[1..]);
        return 0;
    case "memory":
        MemoryPerEntry.Run(count > 0 ? count : 1_000_000);
        return 0;
    case "round-reads":
        await RoundReadLatency.RunAsync(count > 0 ? count : 100_000);
        return 0;
    default:
        Console.Error.WriteLine("usage: Spotlight.Benchmarks leaderboard [BenchmarkDotNet options] | memory [entries] | round-reads [entries]");
        return 2;
}
