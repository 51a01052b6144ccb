using Newsroom.Benchmarks.Load;
using Shouldly;
using Xunit;

namespace Newsroom.Benchmarks.Tests;

/// <summary>The warm-up ends when the server's compiler goes quiet, not after a fixed time.</summary>
public sealed class WarmupTests
{
    [Fact]
    public async Task Runs_until_a_window_compiles_almost_nothing()
    {
        // Compilations per window as a freshly started site shows them under load: hundreds, then a trickle.
        long[] perWindow = [900, 700, 400, 150, 5, 0];
        long compiled = 0;
        var runs = new List<int>();
        var window = 0;

        var result = await new Warmup(minimumSeconds: 3, maximumSeconds: 60).RunAsync(
            seconds =>
            {
                runs.Add(seconds);
                compiled += perWindow[Math.Min(window++, perWindow.Length - 1)];
                return Task.CompletedTask;
            },
            () => compiled);

        runs.ShouldBe([3, Warmup.WindowSeconds, Warmup.WindowSeconds, Warmup.WindowSeconds, Warmup.WindowSeconds]);
        result.ShouldBe(new WarmupResult(3 + (4 * Warmup.WindowSeconds), Settled: true));
        result.Describe().ShouldBe("11");
    }

    [Fact]
    public async Task Stops_at_the_maximum_and_says_the_compiler_had_not_settled()
    {
        long compiled = 0;
        var result = await new Warmup(minimumSeconds: 1, maximumSeconds: 7).RunAsync(
            _ =>
            {
                compiled += 500;
                return Task.CompletedTask;
            },
            () => compiled);

        result.ShouldBe(new WarmupResult(1 + (3 * Warmup.WindowSeconds), Settled: false));
        result.Describe().ShouldBe("7+");
    }

    [Fact]
    public async Task Runs_only_the_minimum_when_the_compiler_cannot_be_observed()
    {
        var runs = new List<int>();
        var result = await new Warmup(minimumSeconds: 5, maximumSeconds: 90).RunAsync(
            seconds =>
            {
                runs.Add(seconds);
                return Task.CompletedTask;
            },
            () => null);

        runs.ShouldBe([5]);
        result.ShouldBe(new WarmupResult(5, Settled: null));
        result.Describe().ShouldBe("5?");
    }
}
