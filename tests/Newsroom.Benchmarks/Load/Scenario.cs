namespace Newsroom.Benchmarks.Load;

/// <summary>Which server a scenario loads.</summary>
public enum Target
{
    /// <summary>The minimal Kestrel app.</summary>
    Baseline,

    /// <summary>
    /// The minimal Kestrel app once more, after the site's load. On these machines the same baseline
    /// moved by a third between runs minutes apart, so ratios divide by the higher of the two.
    /// </summary>
    BaselineAgain,

    /// <summary>The site as configured (output caching on, when the caching module provides it).</summary>
    Site,

    /// <summary>A second site process started with the output-cache setting turned off (the published-data cache stays on).</summary>
    UncachedSite,

    /// <summary>
    /// A third site process with the published-data cache turned off as well: what a page costs when
    /// every read goes to the database.
    /// </summary>
    BareSite,
}

/// <summary>
/// One row of the table: a URL path on a target. Paths may use placeholders the harness fills from
/// the corpus: <c>{article}</c>, <c>{section}</c>, <c>{sectionPage}</c>, <c>{adminPage}</c>.
/// </summary>
public sealed record Scenario(string Key, string Name, string Path, Target Target, bool SignedIn = false, bool PairedWithBaseline = false)
{
    public const string BaselineMemory = "baseline-memory";

    public const string BaselineMemoryAgain = "baseline-memory-again";

    /// <summary>The in-memory baseline rows: every ratio divides by the higher of their figures.</summary>
    public bool IsMemoryBaseline => Key is BaselineMemory or BaselineMemoryAgain;

    /// <summary>The scenarios of the issue, in table order. Each path can be replaced with <c>--path key=/new/path</c>.</summary>
    public static IReadOnlyList<Scenario> Defaults { get; } =
    [
        new(BaselineMemory, "Kestrel baseline, HTML from memory", Baseline.BaselineServer.MemoryPath, Target.Baseline),
        new("baseline-static", "Kestrel baseline, static file", Baseline.BaselineServer.StaticPath, Target.Baseline),
        new(BaselineMemoryAgain, "Kestrel baseline, from memory, again after the site", Baseline.BaselineServer.MemoryPath, Target.BaselineAgain),
        // Host pipeline + a database ping: the one site URL that answers before the public pages land,
        // so the site's peak memory is always taken under load.
        new("health", "Health check", "/health", Target.Site),
        new("article-cached", "Article page (cached)", "{article}", Target.Site, PairedWithBaseline: true),
        new("article-uncached", "Article page (uncached)", "{article}", Target.UncachedSite, PairedWithBaseline: true),
        new("article-bare", "Article page (no caches at all)", "{article}", Target.BareSite),
        new("home", "Home page", "/", Target.Site),
        new("home-uncached", "Home page (uncached)", "/", Target.UncachedSite),
        new("section-deep", "Section page, deep", "/{section}?page={sectionPage}", Target.Site),
        new("section-deep-uncached", "Section page, deep (uncached)", "/{section}?page={sectionPage}", Target.UncachedSite),
        new("home-bare", "Home page (no caches at all)", "/", Target.BareSite),
        new("feed", "RSS feed", "/feed", Target.Site),
        new("search", "Search", "/search?q=ceasefire", Target.Site),
        new("admin-list", "Admin content list, deep (signed in)", "/admin/content?page={adminPage}", Target.Site, SignedIn: true),
    ];
}

/// <summary>A scenario's outcome: measured, or why not (never a made-up number).</summary>
public sealed record ScenarioResult(Scenario Scenario, string Url, string Status, WrkResult? Measured)
{
    public double? RatioToBaseline { get; set; }

    /// <summary>The unrecorded load before the measurement; null when the scenario was not measured.</summary>
    public WarmupResult? Warmup { get; init; }
}
