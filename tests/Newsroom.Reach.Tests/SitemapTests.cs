using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newsroom.Reach.Tests.Support;
using Newsroom.Seo;
using Shouldly;
using Xunit;

namespace Newsroom.Reach.Tests;

public sealed class SitemapTests
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    [Fact]
    public async Task Sitemap_index_splits_the_articles_into_files_of_the_configured_size()
    {
        await using var site = await ReachSite.StartAsync(settings: new Dictionary<string, string?> { ["Newsroom:Seo:SitemapMaxUrls"] = "5" });
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= 12; i++)
        {
            await site.CreateArticleAsync($"Sitemap story {i}", publishedUtc: start.AddDays(i));
        }

        await site.CreateArticleAsync("Sitemap draft", publish: false);

        using var response = await site.Client.GetAsync("/sitemap.xml");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        var index = XDocument.Parse(await response.Content.ReadAsStringAsync());
        index.Root!.Name.ShouldBe(Sm + "sitemapindex");
        var files = index.Root.Elements(Sm + "sitemap").Select(s => s.Element(Sm + "loc")!.Value).ToList();
        files.ShouldBe([
            "https://herald.example/sitemaps/articles-1.xml",
            "https://herald.example/sitemaps/articles-2.xml",
            "https://herald.example/sitemaps/articles-3.xml",
        ]);
        index.Root.Elements(Sm + "sitemap").Last().Element(Sm + "lastmod")!.Value.ShouldBe("2026-03-13T00:00:00Z");

        var urls = new List<string>();
        var counts = new List<int>();
        for (var n = 1; n <= 3; n++)
        {
            var page = XDocument.Parse(await site.GetStringAsync($"/sitemaps/articles-{n}.xml"));
            var locs = page.Root!.Elements(Sm + "url").ToList();
            counts.Add(locs.Count);
            urls.AddRange(locs.Select(u => u.Element(Sm + "loc")!.Value));
            locs.ShouldAllBe(u => u.Element(Sm + "lastmod") != null);
        }

        counts.ShouldBe([5, 5, 2]);
        urls.Distinct().Count().ShouldBe(12);
        urls.ShouldContain("https://herald.example/world/sitemap-story-1");
        urls.ShouldContain("https://herald.example/world/sitemap-story-12");
        urls.ShouldNotContain("https://herald.example/world/sitemap-draft");
        (await site.Client.GetAsync("/sitemaps/articles-4.xml")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_default_sitemap_file_size_is_the_protocol_limit_of_50000()
    {
        new SeoSettings().SitemapMaxUrls.ShouldBe(50_000);
        await using var site = await ReachSite.StartAsync();
        for (var i = 1; i <= 7; i++)
        {
            await site.CreateArticleAsync($"Default limit story {i}");
        }

        await using (var scope = site.Site.CreateShellScope())
        {
            scope.ServiceProvider.GetRequiredService<IOptions<SeoSettings>>().Value.SitemapMaxUrls.ShouldBe(50_000);
        }

        var index = XDocument.Parse(await site.GetStringAsync("/sitemap.xml"));
        index.Root!.Elements(Sm + "sitemap").Count().ShouldBe(1);
        XDocument.Parse(await site.GetStringAsync("/sitemaps/articles-1.xml")).Root!.Elements(Sm + "url").Count().ShouldBe(7);
    }

    [Fact]
    public async Task Google_News_sitemap_lists_the_articles_of_the_last_48_hours_by_the_site_clock()
    {
        var now = new DateTimeOffset(2026, 6, 10, 12, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        await using var site = await ReachSite.StartAsync(clock: clock);
        await site.CreateArticleAsync("Fresh: one hour old", publishedUtc: now.UtcDateTime.AddHours(-1));
        await site.CreateArticleAsync("Older: forty-seven hours", publishedUtc: now.UtcDateTime.AddHours(-47));
        await site.CreateArticleAsync("Stale: forty-nine hours", publishedUtc: now.UtcDateTime.AddHours(-49));

        var news = XDocument.Parse(await site.GetStringAsync("/sitemaps/news.xml"));
        var entries = news.Root!.Elements(Sm + "url").ToList();
        entries.Select(e => e.Element(News + "news")!.Element(News + "title")!.Value)
            .ShouldBe(["Fresh: one hour old", "Older: forty-seven hours"]);
        var first = entries[0].Element(News + "news")!;
        first.Element(News + "publication")!.Element(News + "name")!.Value.ShouldBe("The Reach Herald");
        first.Element(News + "publication")!.Element(News + "language")!.Value.ShouldBe("en");
        first.Element(News + "publication_date")!.Value.ShouldBe("2026-06-10T11:00:00Z");
        entries[0].Element(Sm + "loc")!.Value.ShouldBe("https://herald.example/world/fresh-one-hour-old");

        clock.Advance(TimeSpan.FromHours(2));
        var later = XDocument.Parse(await site.GetStringAsync("/sitemaps/news.xml"));
        later.Root!.Elements(Sm + "url").Select(e => e.Element(News + "news")!.Element(News + "title")!.Value)
            .ShouldBe(["Fresh: one hour old"]);
    }

    [Fact]
    public async Task Robots_txt_points_to_both_sitemaps()
    {
        await using var site = await ReachSite.StartAsync();
        using var response = await site.Client.GetAsync("/robots.txt");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var robots = await response.Content.ReadAsStringAsync();
        robots.ShouldContain("Sitemap: https://herald.example/sitemap.xml");
        robots.ShouldContain("Sitemap: https://herald.example/sitemaps/news.xml");
        robots.ShouldContain("Disallow: /admin");
    }
}
