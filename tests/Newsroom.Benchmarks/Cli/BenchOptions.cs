using System.Globalization;
using Newsroom.Benchmarks.Corpus;

namespace Newsroom.Benchmarks.Cli;

/// <summary>Options of <c>run</c> (generate + load) and <c>generate</c>. See README.md.</summary>
public sealed class BenchOptions
{
    // The corpus defaults are the generator's own, so the tool and the micro-benchmarks make the same corpus.
    private static readonly CorpusOptions s_corpusDefaults = new();

    public int Articles { get; set; } = s_corpusDefaults.Articles;

    public int Bylines { get; set; } = s_corpusDefaults.Bylines;

    public int BatchSize { get; set; } = s_corpusDefaults.BatchSize;

    /// <summary>Seconds of wrk load per scenario.</summary>
    public int Duration { get; set; } = 10;

    /// <summary>
    /// Longest unrecorded warm-up per scenario, in seconds. The warm-up ends earlier once the server has
    /// stopped compiling (usually 20–30 s for the first scenario on a freshly started site, a few seconds after).
    /// </summary>
    public int WarmupMaximum { get; set; } = 90;

    /// <summary>
    /// Rounds in which the article pages (cached and uncached) are loaded in turn with the in-memory
    /// baseline, each for <see cref="Duration"/> seconds; their ratios are the median of the rounds
    /// (see <see cref="Load.PairedRatio"/>). 0 turns the rounds off.
    /// </summary>
    public int Pairs { get; set; } = 3;

    public string? Postgres { get; set; }

    /// <summary>An existing corpus folder (with corpus.json) to load instead of generating one.</summary>
    public string? Reuse { get; set; }

    /// <summary>Where to generate the corpus; a temp folder when not given.</summary>
    public string? Data { get; set; }

    /// <summary>Keep the generated corpus (folder, PostgreSQL database) after the run.</summary>
    public bool Keep { get; set; }

    /// <summary>The site's Newsroom.Web.dll; by default the Release build in the repository.</summary>
    public string? Site { get; set; }

    public string Results { get; set; } = "BenchmarkResults";

    /// <summary>The configuration key that turns output caching off for the uncached site process.</summary>
    public string CacheSetting { get; set; } = "Newsroom:OutputCache:Enabled";

    /// <summary>The configuration key that also turns the published-data cache off, for the "no caches at all" process.</summary>
    public string DataCacheSetting { get; set; } = "Newsroom:PublishedCache:Enabled";

    public string LoginPath { get; set; } = "/login";

    /// <summary>Scenario path overrides, <c>--path key=/path</c>.</summary>
    public Dictionary<string, string> Paths { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Scenario keys to run; all when empty.</summary>
    public HashSet<string> Only { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{arg} needs a positive whole number.");
            int Count() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
                ? n
                : throw new ArgumentException($"{arg} needs a whole number (0 or more).");
            switch (arg)
            {
                case "--articles": options.Articles = Number(); break;
                case "--bylines": options.Bylines = Number(); break;
                case "--batch": options.BatchSize = Number(); break;
                case "--duration": options.Duration = Number(); break;
                case "--warmup-max": options.WarmupMaximum = Number(); break;
                case "--pairs": options.Pairs = Count(); break;
                case "--postgres": options.Postgres = Value(); break;
                case "--reuse": options.Reuse = Value(); break;
                case "--data": options.Data = Value(); break;
                case "--keep": options.Keep = true; break;
                case "--site": options.Site = Value(); break;
                case "--results": options.Results = Value(); break;
                case "--cache-setting": options.CacheSetting = Value(); break;
                case "--data-cache-setting": options.DataCacheSetting = Value(); break;
                case "--login-path": options.LoginPath = Value(); break;
                case "--only":
                    foreach (var key in Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        options.Only.Add(key);
                    }

                    break;
                case "--path":
                    var pair = Value().Split('=', 2);
                    if (pair.Length != 2 || !pair[1].StartsWith('/'))
                    {
                        throw new ArgumentException("--path needs key=/path, e.g. --path feed=/rss");
                    }

                    options.Paths[pair[0]] = pair[1];
                    break;
                default:
                    throw new ArgumentException($"Unknown option {arg}.");
            }
        }

        return options;
    }
}
