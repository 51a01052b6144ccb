using Newsroom.Benchmarks.Micro;

namespace Newsroom.Benchmarks.Cli;

/// <summary>
/// <c>Newsroom.Benchmarks [run] [options]</c> — generate a corpus and measure the site against the Kestrel baseline;
/// <c>generate --data DIR [options]</c> — only the corpus (kept);
/// <c>micro [BenchmarkDotNet args]</c> — the hot-path micro-benchmarks.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "run";
            var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
            switch (command)
            {
                case "run":
                    await new BenchRunner(BenchOptions.Parse(rest), Console.Out).RunAsync(cancel.Token);
                    return 0;
                case "generate":
                    var options = BenchOptions.Parse(rest);
                    options.Keep = true;
                    var corpus = await new BenchRunner(options, Console.Out).GenerateAsync(cancel.Token);
                    Console.WriteLine($"Reuse it with: ./bench.sh --reuse {corpus.DataPath}");
                    return 0;
                case "micro":
                    return MicroBenchmarks.Run(rest);
                default:
                    await Console.Error.WriteLineAsync($"Unknown command '{command}'. Commands: run, generate, micro.");
                    return 2;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"bench: {ex.Message}");
            return 1;
        }
    }
}
