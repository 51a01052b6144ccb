using System.Net;
using System.Text;
using Newsroom.Benchmarks.Baseline;
using Newsroom.Benchmarks.Cli;
using Newsroom.Benchmarks.Corpus;
using Newsroom.Benchmarks.Reporting;

namespace Newsroom.Benchmarks.Load;

/// <summary>
/// Starts the baseline and the site processes, measures every scenario that answers 200 with wrk,
/// samples the site's peak memory after its load, and collects the report.
/// </summary>
public sealed class LoadHarness(BenchOptions options, CorpusManifest corpus, string siteDll, TextWriter log)
{
    private readonly Dictionary<string, string> _placeholders = Placeholders(corpus);

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = new BenchReport { Corpus = corpus, DurationSeconds = options.Duration, Connections = Wrk.Connections, Threads = Wrk.Threads };
        var scenarios = Scenario.Defaults
            .Where(s => options.Only.Count == 0 || options.Only.Contains(s.Key) || s.IsMemoryBaseline)
            .Select(s => options.Paths.TryGetValue(s.Key, out var path) ? s with { Path = path } : s)
            .ToList();
        var logFile = Path.Combine(corpus.DataPath, "site.log");
        var database = corpus.ToDatabase();

        // The site first, to capture the article HTML the baseline serves. The baseline then runs until
        // the end, so the article pages of every site process can be paired with it.
        BaselineServer? baseline = null;
        try
        {
            await using (var site = await SiteProcess.StartAsync(siteDll, database, [], logFile, cancellationToken))
            {
                report.HealthStartupSeconds = site.HealthStartup.TotalSeconds;
                report.HomeStartupSeconds = site.HomeStatus == 200 ? site.HomeStartup.TotalSeconds : null;
                report.HomeStartupStatus = site.HomeStatus;
                log.WriteLine($"site: first 200 on /health after {site.HealthStartup.TotalSeconds:F2} s; home page answered {site.HomeStatus} after {site.HomeStartup.TotalSeconds:F2} s");
                var (html, source) = await ArticleHtmlAsync(site.BaseAddress, cancellationToken);
                report.BaselineHtmlSource = source;
                report.BaselineHtmlBytes = html.Length;

                var staticFolder = Path.Combine(corpus.DataPath, "baseline-static");
                baseline = await BaselineServer.StartAsync(html, staticFolder, cancellationToken);
                foreach (var scenario in scenarios.Where(s => s.Target == Target.Baseline))
                {
                    report.Results.Add(await MeasureAsync(scenario, baseline.BaseAddress, cookie: null, BaselineServer.CompiledMethods, cancellationToken));
                }

                string? cookie = null;
                string? signInProblem = null;
                if (scenarios.Any(s => s.Target == Target.Site && s.SignedIn))
                {
                    (cookie, signInProblem) = await AdminSignIn.SignInAsync(site.BaseAddress, options.LoginPath, BenchDatabase.AdminUserName, BenchDatabase.AdminEmail, database.AdminPassword, cancellationToken);
                    log.WriteLine(cookie is null ? $"sign-in: not available ({signInProblem})" : "sign-in: signed in as " + BenchDatabase.AdminUserName);
                }

                foreach (var scenario in scenarios.Where(s => s.Target == Target.Site))
                {
                    report.Results.Add(scenario.SignedIn && cookie is null
                        ? new ScenarioResult(scenario, Url(site.BaseAddress, scenario), $"not available (sign-in: {signInProblem})", null)
                        // Only signed-in scenarios carry the cookie: a signed-in request skips the output
                        // cache, so passing it to the public pages measured them all as uncached admin views.
                        : await MeasureAsync(scenario, site.BaseAddress, scenario.SignedIn ? cookie : null, site.CompiledMethods, cancellationToken));
                }

                foreach (var scenario in scenarios.Where(s => s.Target == Target.BaselineAgain))
                {
                    report.Results.Add(await MeasureAsync(scenario, baseline.BaseAddress, cookie: null, BaselineServer.CompiledMethods, cancellationToken));
                }

                await PairAsync(report, scenarios.Where(s => s.Target == Target.Site), site.BaseAddress, baseline, cancellationToken);
                report.PeakResidentBytes = site.PeakResidentBytes();
            }

            if (scenarios.Any(s => s.Target == Target.UncachedSite))
            {
                await using var uncached = await SiteProcess.StartAsync(siteDll, database, [new(options.CacheSetting, "false")], logFile, cancellationToken);
                foreach (var scenario in scenarios.Where(s => s.Target == Target.UncachedSite))
                {
                    report.Results.Add(await MeasureAsync(scenario, uncached.BaseAddress, cookie: null, uncached.CompiledMethods, cancellationToken));
                }

                await PairAsync(report, scenarios.Where(s => s.Target == Target.UncachedSite), uncached.BaseAddress, baseline, cancellationToken);
                report.UncachedPeakResidentBytes = uncached.PeakResidentBytes();
            }
        }
        finally
        {
            if (baseline is not null)
            {
                await baseline.DisposeAsync();
            }
        }

        if (scenarios.Any(s => s.Target == Target.BareSite))
        {
            await using var bare = await SiteProcess.StartAsync(siteDll, database, [new(options.CacheSetting, "false"), new(options.DataCacheSetting, "false")], logFile, cancellationToken);
            foreach (var scenario in scenarios.Where(s => s.Target == Target.BareSite))
            {
                report.Results.Add(await MeasureAsync(scenario, bare.BaseAddress, cookie: null, bare.CompiledMethods, cancellationToken));
            }
        }

        var baselineRps = report.Results.Where(r => r.Scenario.IsMemoryBaseline).Max(r => r.Measured?.RequestsPerSecond);
        foreach (var result in report.Results)
        {
            result.RatioToBaseline = result.Measured is { } m && baselineRps is > 0 ? m.RequestsPerSecond / baselineRps : null;
        }

        report.Results.Sort((a, b) => Scenario.Defaults.ToList().FindIndex(s => s.Key == a.Scenario.Key).CompareTo(Scenario.Defaults.ToList().FindIndex(s => s.Key == b.Scenario.Key)));
        return report;
    }

    /// <summary>
    /// For each measured scenario that is <see cref="Scenario.PairedWithBaseline"/>: <see cref="BenchOptions.Pairs"/>
    /// rounds of the in-memory baseline's window then the scenario's, both already warm (see <see cref="PairedRatio"/>).
    /// </summary>
    private async Task PairAsync(BenchReport report, IEnumerable<Scenario> scenarios, Uri siteAddress, BaselineServer baseline, CancellationToken cancellationToken)
    {
        var baselineUri = new Uri(baseline.BaseAddress, BaselineServer.MemoryPath);
        foreach (var scenario in scenarios.Where(s => s.PairedWithBaseline && options.Pairs > 0))
        {
            if (report.Results.Find(r => r.Scenario.Key == scenario.Key)?.Measured is null)
            {
                continue;
            }

            var uri = new Uri(Url(siteAddress, scenario));
            var rounds = new List<PairedRound>(options.Pairs);
            for (var i = 0; i < options.Pairs; i++)
            {
                var memory = await Wrk.RunAsync(baselineUri, options.Duration, [], cancellationToken);
                var page = await Wrk.RunAsync(uri, options.Duration, [], cancellationToken);
                rounds.Add(new PairedRound(memory.RequestsPerSecond, page.RequestsPerSecond));
            }

            var paired = new PairedRatio(scenario, rounds);
            report.Paired.Add(paired);
            log.WriteLine($"{scenario.Key} paired with the baseline: median {paired.Median:F3} ({BenchReport.Describe(rounds)})");
        }
    }

    /// <summary>Measures with wrk only when the URL answers 200 first; otherwise says so.</summary>
    private async Task<ScenarioResult> MeasureAsync(Scenario scenario, Uri baseAddress, string? cookie, Func<long?> compiledMethods, CancellationToken cancellationToken)
    {
        var url = Url(baseAddress, scenario);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        int status;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            return new ScenarioResult(scenario, url, $"not available ({ex.Message})", null);
        }

        if (status != (int)HttpStatusCode.OK)
        {
            log.WriteLine($"{scenario.Key}: {url} answered {status}: not measured");
            return new ScenarioResult(scenario, url, $"not available (status {status})", null);
        }

        var headers = cookie is null ? Array.Empty<string>() : [$"Cookie: {cookie}"];
        var uri = new Uri(url);
        // Warm-up (JIT, caches, connection pools) is not recorded; it lasts until the server has stopped
        // compiling (see Warmup), so the figures are the steady state, not the runtime's tiering.
        var warmup = await new Warmup(Math.Max(1, options.Duration / 2), options.WarmupMaximum)
            .RunAsync(seconds => Wrk.RunAsync(uri, seconds, headers, cancellationToken), compiledMethods);
        var measured = await Wrk.RunAsync(uri, options.Duration, headers, cancellationToken);
        if (measured.Requests == 0)
        {
            // wrk prints zeros when no request finished in the window; a row of "0 req/s, p50 0 ms"
            // would read as fast. Say what happened instead: each request took longer than the run.
            var slow = $"not available (no request finished within {options.Duration} s at {Wrk.Connections} connections)";
            log.WriteLine($"{scenario.Key}: {slow}");
            return new ScenarioResult(scenario, url, slow, null) { Warmup = warmup };
        }

        var statusText = measured.Non2xx > 0 || measured.SocketErrors > 0
            ? $"measured; {measured.Non2xx} non-2xx, {measured.SocketErrors} socket errors"
            : "ok";
        log.WriteLine($"{scenario.Key}: {measured.RequestsPerSecond:N0} req/s, p50 {measured.P50Ms:F2} ms, p99 {measured.P99Ms:F2} ms ({statusText}; warm-up {warmup.Describe()} s)");
        return new ScenarioResult(scenario, url, statusText, measured) { Warmup = warmup };
    }

    private string Url(Uri baseAddress, Scenario scenario)
    {
        var path = scenario.Path;
        foreach (var (key, value) in _placeholders)
        {
            path = path.Replace(key, value, StringComparison.Ordinal);
        }

        return new Uri(baseAddress, path).ToString();
    }

    /// <summary>The article page when the site renders it, else the sample article's text wrapped in minimal HTML.</summary>
    private async Task<(byte[] Html, string Source)> ArticleHtmlAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        var url = new Uri(baseAddress, _placeholders["{article}"]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var response = await http.GetAsync(url, cancellationToken);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return (await response.Content.ReadAsByteArrayAsync(cancellationToken), $"captured from {url.PathAndQuery}");
        }

        return (Encoding.UTF8.GetBytes(FallbackHtml()), $"article page answered {(int)response.StatusCode}: the generated sample article wrapped in minimal HTML");
    }

    private static string FallbackHtml()
    {
        var factory = new ArticleFactory();
        var article = factory.Article(0, ["world"], [factory.NewId()], [factory.NewId(), factory.NewId()], [factory.NewId(), factory.NewId()]);
        var part = article.As<Articles.Models.ArticlePart>();
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(part.Headline)).Append("</title></head><body><main><article><h1>")
            .Append(WebUtility.HtmlEncode(part.Headline)).Append("</h1><p class=\"dek\">").Append(WebUtility.HtmlEncode(part.Dek)).Append("</p>");
        foreach (var block in article.As<Articles.Models.BodyPart>().Blocks)
        {
            html.Append(block switch
            {
                Articles.Models.ParagraphBlock p => $"<p>{p.Html}</p>",
                Articles.Models.SubheadingBlock s => $"<h2>{WebUtility.HtmlEncode(s.Text)}</h2>",
                RelatedLinks.Models.RelatedLinkBlock l => $"<p class=\"related\">{l.Label}: <a href=\"/\">Related headline</a></p>",
                Advertising.Models.AdSlotBlock => "<aside aria-label=\"Advertisement\">Advertisement</aside>",
                _ => "",
            });
        }

        return html.Append("</article></main></body></html>").ToString();
    }

    private static Dictionary<string, string> Placeholders(CorpusManifest corpus)
    {
        var sections = Math.Max(1, corpus.Sections.Count);
        return new Dictionary<string, string>
        {
            // The route the site indexed, else the root-level slug (slugs reserve admin/feed/login, so they live at the root).
            ["{article}"] = corpus.SampleArticleRoute ?? "/" + corpus.SampleArticleSlug,
            ["{section}"] = corpus.SampleArticleSection,
            // Deep but inside the corpus at 20 per page: page 200 of a section and 2,000 of the admin list at 100,000 articles.
            ["{sectionPage}"] = Math.Clamp(corpus.Articles / sections / 20 / 2, 1, 200).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{adminPage}"] = Math.Clamp(corpus.Articles / 20 / 2, 1, 2000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
