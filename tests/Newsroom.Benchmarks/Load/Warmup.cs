namespace Newsroom.Benchmarks.Load;

/// <summary>
/// Runs unrecorded load until the server's runtime has stopped compiling. Under full load on two cores
/// the runtime keeps moving hot methods to optimised code for 20–30 s after start (some 12,000
/// compilations on the article page, on one background thread that shares the cores with the requests),
/// and until then the site serves a third of what it serves afterwards. Throughput alone cannot tell:
/// it sits flat for most of that time before it climbs. So the warm-up watches the compiler.
/// </summary>
public sealed class Warmup(int minimumSeconds, int maximumSeconds)
{
    /// <summary>Seconds per window once the minimum is over.</summary>
    public const int WindowSeconds = 2;

    /// <summary>
    /// Compilations in one window below which the runtime counts as settled: what is left are
    /// stragglers (a method first reached now), not the hot path moving to optimised code.
    /// </summary>
    public const long QuietCompilations = 20;

    /// <summary>
    /// Loads <paramref name="run"/> (wrk for the given seconds) until a window passes with fewer than
    /// <see cref="QuietCompilations"/> methods compiled, or the maximum is reached.
    /// </summary>
    /// <param name="compiledMethods">Methods the server's runtime has compiled so far; null when it cannot be read, in which case only the minimum is run.</param>
    public async Task<WarmupResult> RunAsync(Func<int, Task> run, Func<long?> compiledMethods)
    {
        var first = Math.Min(minimumSeconds, maximumSeconds);
        var seconds = 0;
        if (first > 0)
        {
            await run(first);
            seconds = first;
        }

        if (compiledMethods() is not { } before)
        {
            return new WarmupResult(seconds, Settled: null);
        }

        while (seconds + WindowSeconds <= maximumSeconds)
        {
            await run(WindowSeconds);
            seconds += WindowSeconds;
            var after = compiledMethods() ?? before;
            if (after - before < QuietCompilations)
            {
                return new WarmupResult(seconds, Settled: true);
            }

            before = after;
        }

        return new WarmupResult(seconds, Settled: false);
    }
}

/// <summary>How long a scenario was warmed; whether the compiler had settled (null: not observable).</summary>
public sealed record WarmupResult(int Seconds, bool? Settled)
{
    public string Describe() => Settled switch
    {
        true => $"{Seconds}",
        false => $"{Seconds}+",
        null => $"{Seconds}?",
    };
}
