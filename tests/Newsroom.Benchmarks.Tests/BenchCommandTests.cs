using System.Globalization;
using System.Text.Json.Nodes;
using Newsroom.Benchmarks.Cli;
using Newsroom.Benchmarks.Load;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Benchmarks.Tests;

/// <summary>
/// The benchmark command end to end on a small corpus (200 articles, 2 s of load per scenario): the
/// corpus is imported, the site process and the baseline are loaded with wrk, the table is printed and
/// saved. Figures are checked for presence and sanity, never against a timing target.
/// </summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string _results = Path.Combine(Path.GetTempPath(), "newsroom-bench-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Runs_on_a_small_corpus_and_prints_the_table(string provider)
    {
        // The warm-up is capped: a fresh site takes 20-30 s to stop compiling, which this test need not wait for.
        string[] args = ["--articles", "200", "--bylines", "20", "--duration", "2", "--warmup-max", "3", "--pairs", "2", "--results", _results];
        if (provider == TestDatabase.Postgres)
        {
            args = [.. args, "--postgres", TestDatabase.PostgresServer];
        }

        var output = new StringWriter();
        var report = await new BenchRunner(BenchOptions.Parse(args), output).RunAsync(CancellationToken.None);
        var text = output.ToString();

        text.ShouldContain("Newsroom benchmark: 200 articles");
        text.ShouldContain("| Scenario");
        text.ShouldContain("| warm-up s |");
        text.ShouldContain("Peak resident memory (VmHWM) of the site after load:");
        text.ShouldContain("Start-up on the existing database: first 200 on /health after");
        text.ShouldContain("Import: 223 items (200 articles, 20 bylines, 3 ad slots)");

        // The baseline is always there, before the site's load and after it, so every ratio has
        // something to divide by: the higher of the two.
        var baselines = report.Results.Where(r => r.Scenario.IsMemoryBaseline).ToList();
        baselines.Select(b => b.Scenario.Key).ShouldBe([Scenario.BaselineMemory, Scenario.BaselineMemoryAgain]);
        foreach (var baseline in baselines)
        {
            baseline.Measured.ShouldNotBeNull();
            baseline.Measured.RequestsPerSecond.ShouldBeGreaterThan(0);
            baseline.Measured.P99Ms.ShouldBeGreaterThanOrEqualTo(baseline.Measured.P50Ms);
            baseline.RatioToBaseline.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(1);
        }

        baselines.Max(b => b.RatioToBaseline).ShouldBe(1);
        var denominator = baselines.Max(b => b.Measured!.RequestsPerSecond);
        foreach (var result in report.Results.Where(r => r.Measured is not null))
        {
            result.RatioToBaseline.ShouldNotBeNull().ShouldBe(result.Measured!.RequestsPerSecond / denominator);
        }

        // The article pages are also loaded in turn with the baseline; their paired ratio is the median of the rounds.
        report.Paired.Select(p => p.Scenario.Key).ShouldBe(["article-cached", "article-uncached"]);
        foreach (var paired in report.Paired)
        {
            paired.Rounds.Count.ShouldBe(2);
            paired.Rounds.ShouldAllBe(r => r.BaselineRequestsPerSecond > 0 && r.RequestsPerSecond > 0);
            paired.Median.ShouldNotBeNull().ShouldBe(paired.Rounds.Average(r => r.Ratio!.Value), 1e-9);
            text.ShouldContain($"  {paired.Scenario.Name}: {paired.Median!.Value.ToString("F3", CultureInfo.InvariantCulture)} x baseline (");
        }

        text.ShouldContain("| Kestrel baseline, HTML from memory");
        text.ShouldContain("| Kestrel baseline, from memory, again after the site");

        // Every scenario is either measured or says why not; nothing in between.
        report.Results.Count.ShouldBe(Scenario.Defaults.Count);
        foreach (var result in report.Results)
        {
            if (result.Measured is null)
            {
                result.Status.ShouldStartWith("not available (");
                text.ShouldContain(result.Status);
            }
            else
            {
                result.Measured.Requests.ShouldBeGreaterThan(0);

                // Warmed for at least the minimum, at most the cap; the site's compiler is observed
                // (its perf map), so the warm-up knows whether it settled.
                var warmup = result.Warmup.ShouldNotBeNull();
                warmup.Seconds.ShouldBeInRange(1, 3);
                warmup.Settled.ShouldNotBeNull();
            }
        }

        report.Corpus.ItemsPerSecond.ShouldBeGreaterThan(0);
        report.PeakResidentBytes.ShouldNotBeNull().ShouldBeGreaterThan(0);
        report.HealthStartupSeconds.ShouldBeGreaterThan(0);

        // The table is saved as JSON, and the generated corpus is removed afterwards.
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Directory.GetFiles(_results, "bench-*.json").Single()))!;
        json["corpus"]!["articles"]!.GetValue<int>().ShouldBe(200);
        json["scenarios"]!.AsArray().Count.ShouldBe(Scenario.Defaults.Count);
        json["paired"]!.AsArray().Select(p => p!["key"]!.GetValue<string>()).ShouldBe(["article-cached", "article-uncached"]);
        json["paired"]![0]!["rounds"]!.AsArray().Count.ShouldBe(2);
        json["scenarios"]![0]!["warmupSeconds"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        Directory.Exists(report.Corpus.DataPath).ShouldBeFalse();
    }

    [Fact]
    public void A_paired_ratio_is_the_median_of_the_rounds_that_measured_both()
    {
        var scenario = Scenario.Defaults.Single(s => s.Key == "article-cached");

        new PairedRatio(scenario, [new(50_000, 45_000), new(70_000, 42_000), new(40_000, 40_000)]).Median.ShouldNotBeNull().ShouldBe(0.9, 1e-9);
        new PairedRatio(scenario, [new(50_000, 45_000), new(0, 42_000), new(40_000, 40_000)]).Median.ShouldNotBeNull().ShouldBe(0.95, 1e-9);
        new PairedRatio(scenario, [new(0, 42_000)]).Median.ShouldBeNull();
    }

    [Fact]
    public void Reads_wrk_reports()
    {
        const string report = """
            Running 2s test @ http://127.0.0.1:5000/memory
              2 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.95ms    2.71ms  38.04ms   89.91%
                Req/Sec    10.20k     1.56k   13.61k    70.00%
              Latency Distribution
                 50%  850.00us
                 75%    1.93ms
                 90%    4.94ms
                 99%   12.71ms
              40612 requests in 2.00s, 172.86MB read
              Socket errors: connect 0, read 3, write 0, timeout 1
              Non-2xx or 3xx responses: 12
            Requests/sec:  20292.17
            Transfer/sec:     86.37MB
            """;

        var result = Wrk.Parse(report);

        result.RequestsPerSecond.ShouldBe(20292.17);
        result.P50Ms.ShouldBe(0.85, 0.0001);
        result.P99Ms.ShouldBe(12.71);
        result.Requests.ShouldBe(40612);
        result.Non2xx.ShouldBe(12);
        result.SocketErrors.ShouldBe(4);
    }

    public void Dispose()
    {
        if (Directory.Exists(_results))
        {
            Directory.Delete(_results, recursive: true);
        }
    }
}
