using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newsroom.Benchmarks.Corpus;
using Newsroom.Benchmarks.Load;

namespace Newsroom.Benchmarks.Reporting;

/// <summary>Everything one run measured: the table rows and the site-wide figures under it.</summary>
public sealed class BenchReport
{
    public const string TableTitle = "Newsroom benchmark";

    public required CorpusManifest Corpus { get; init; }

    public int DurationSeconds { get; init; }

    public int Threads { get; init; }

    public int Connections { get; init; }

    public List<ScenarioResult> Results { get; } = [];

    /// <summary>The article pages' ratios from rounds paired with the baseline (<c>--pairs</c>).</summary>
    public List<PairedRatio> Paired { get; } = [];

    public double HealthStartupSeconds { get; set; }

    public double? HomeStartupSeconds { get; set; }

    public int HomeStartupStatus { get; set; }

    public long? PeakResidentBytes { get; set; }

    public long? UncachedPeakResidentBytes { get; set; }

    public string BaselineHtmlSource { get; set; } = "";

    public int BaselineHtmlBytes { get; set; }

    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var rows = Results.Select(r => new[]
        {
            r.Scenario.Name,
            r.Measured is { } m ? m.RequestsPerSecond.ToString("N0", c) : r.Status,
            r.Measured is { } m1 ? m1.P50Ms.ToString("F2", c) : "",
            r.Measured is { } m2 ? m2.P99Ms.ToString("F2", c) : "",
            r.RatioToBaseline is { } ratio ? ratio.ToString("F3", c) : "",
            r.Warmup?.Describe() ?? "",
            new Uri(r.Url).PathAndQuery,
        }).ToList();
        string[] header = ["Scenario", "req/s", "p50 ms", "p99 ms", "x baseline", "warm-up s", "path"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{TableTitle}: {Corpus.Articles:N0} articles ({Corpus.Provider}), wrk -t{Threads} -c{Connections} -d{DurationSeconds}s on loopback");
        void Row(string[] cells) => text.AppendLine("| " + string.Join(" | ", cells.Select((cell, i) => i is 0 or 6 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))) + " |");
        Row(header);
        text.AppendLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        rows.ForEach(Row);
        text.AppendLine("x baseline: divided by the higher of the two in-memory baseline runs (before the site's load and again after it).");
        if (Paired.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Paired with the in-memory baseline ({Paired[0].Rounds.Count} rounds of the baseline's {DurationSeconds}-s window then the page's; median of the rounds' ratios):");
            foreach (var paired in Paired)
            {
                var median = paired.Median is { } m ? m.ToString("F3", c) : "not available";
                text.AppendLine(CultureInfo.InvariantCulture, $"  {paired.Scenario.Name}: {median} x baseline ({Describe(paired.Rounds)})");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Warm-up: unrecorded load until the server compiled fewer than {Warmup.QuietCompilations} methods in {Warmup.WindowSeconds} s (\"+\": stopped at the maximum while still compiling; \"?\": compiler not observable).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Peak resident memory (VmHWM) of the site after load: {Megabytes(PeakResidentBytes)}; uncached site process: {Megabytes(UncachedPeakResidentBytes)}");
        var home = HomeStartupSeconds is { } seconds ? string.Create(c, $"first 200 after {seconds:F2} s") : $"not available (status {HomeStartupStatus})";
        text.AppendLine(c, $"Start-up on the existing database: first 200 on /health after {HealthStartupSeconds:F2} s; home page: {home}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Import: {Corpus.Items:N0} items ({Corpus.Articles:N0} articles, {Corpus.Bylines} bylines, {Corpus.AdSlots} ad slots) in {Corpus.ImportSeconds:F1} s = {Corpus.ItemsPerSecond:N0} items/s (setup {Corpus.SetupSeconds:F1} s)");
        text.AppendLine(CultureInfo.InvariantCulture, $"Corpus: {Corpus.Articles:N0} articles, database {Megabytes(Corpus.DatabaseBytes)} ({Corpus.Provider}) in {Corpus.DataPath}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Baseline HTML: {BaselineHtmlBytes:N0} bytes, {BaselineHtmlSource}");
        return text.ToString();
    }

    public async Task<string> SaveJsonAsync(string folder, TimeProvider clock, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var json = new JsonObject
        {
            ["createdUtc"] = clock.GetUtcNow().UtcDateTime,
            ["machine"] = new JsonObject { ["processors"] = Environment.ProcessorCount, ["os"] = Environment.OSVersion.ToString(), ["runtime"] = Environment.Version.ToString() },
            ["load"] = new JsonObject { ["tool"] = "wrk", ["threads"] = Threads, ["connections"] = Connections, ["durationSeconds"] = DurationSeconds },
            ["corpus"] = new JsonObject
            {
                ["articles"] = Corpus.Articles, ["bylines"] = Corpus.Bylines, ["adSlots"] = Corpus.AdSlots, ["items"] = Corpus.Items,
                ["provider"] = Corpus.Provider, ["databaseBytes"] = Corpus.DatabaseBytes,
                ["setupSeconds"] = Corpus.SetupSeconds, ["importSeconds"] = Corpus.ImportSeconds, ["itemsPerSecond"] = Corpus.ItemsPerSecond,
            },
            ["startup"] = new JsonObject { ["healthSeconds"] = HealthStartupSeconds, ["homeSeconds"] = HomeStartupSeconds, ["homeStatus"] = HomeStartupStatus },
            ["peakResidentBytes"] = PeakResidentBytes,
            ["uncachedPeakResidentBytes"] = UncachedPeakResidentBytes,
            ["baselineHtml"] = new JsonObject { ["bytes"] = BaselineHtmlBytes, ["source"] = BaselineHtmlSource },
            ["paired"] = new JsonArray(Paired.Select(p => (JsonNode)new JsonObject
            {
                ["key"] = p.Scenario.Key,
                ["medianRatio"] = p.Median,
                ["rounds"] = new JsonArray(p.Rounds.Select(r => (JsonNode)new JsonObject
                {
                    ["baselineRequestsPerSecond"] = r.BaselineRequestsPerSecond,
                    ["requestsPerSecond"] = r.RequestsPerSecond,
                    ["ratio"] = r.Ratio,
                }).ToArray()),
            }).ToArray()),
            ["scenarios"] = new JsonArray(Results.Select(r => (JsonNode)new JsonObject
            {
                ["key"] = r.Scenario.Key,
                ["name"] = r.Scenario.Name,
                ["target"] = r.Scenario.Target.ToString(),
                ["path"] = new Uri(r.Url).PathAndQuery,
                ["status"] = r.Status,
                ["requestsPerSecond"] = r.Measured?.RequestsPerSecond,
                ["p50Ms"] = r.Measured?.P50Ms,
                ["p99Ms"] = r.Measured?.P99Ms,
                ["requests"] = r.Measured?.Requests,
                ["non2xx"] = r.Measured?.Non2xx,
                ["ratioToBaseline"] = r.RatioToBaseline,
                ["warmupSeconds"] = r.Warmup?.Seconds,
                ["warmupSettled"] = r.Warmup?.Settled,
            }).ToArray()),
        };
        var file = Path.Combine(folder, $"bench-{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Corpus.Articles}.json");
        await File.WriteAllTextAsync(file, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        return file;
    }

    /// <summary>Each round as "ratio = page/baseline req/s".</summary>
    public static string Describe(IEnumerable<PairedRound> rounds) =>
        string.Join(", ", rounds.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Ratio:F3} = {r.RequestsPerSecond:N0}/{r.BaselineRequestsPerSecond:N0}")));

    private static string Megabytes(long? bytes) =>
        bytes is { } b ? (b / 1024d / 1024d).ToString("N1", CultureInfo.InvariantCulture) + " MB" : "not available";
}
