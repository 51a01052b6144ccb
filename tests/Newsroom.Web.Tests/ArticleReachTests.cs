using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.Testing;

namespace Newsroom.Web.Tests;

/// <summary>
/// The theme's pages wired to the reach modules: the article head carries the SEO module's JSON-LD,
/// pages are output-cached, and a publish or a byline rename shows on the very next request.
/// </summary>
public sealed class ArticleReachTests : SeededSiteTests
{
    private const string SeedArticleId = "04193ec5e9e682f0ddff909313cf75c1";

    [Fact]
    public async Task The_article_page_head_has_JSON_LD_with_headline_date_and_author()
    {
        var html = await GetOkAsync(SeedSiteFixture.SeedPath);
        var document = new HtmlParser().ParseDocument(html);

        var script = document.Head!.QuerySelectorAll("script[type='application/ld+json']").ShouldHaveSingleItem();
        using var json = JsonDocument.Parse(script.TextContent);
        var article = json.RootElement.GetProperty("@graph").EnumerateArray()
            .Single(n => n.GetProperty("@type").GetString() == "NewsArticle");
        article.GetProperty("headline").GetString().ShouldNotBeNullOrWhiteSpace();
        DateTimeOffset.Parse(article.GetProperty("datePublished").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Year.ShouldBe(2020);
        var author = article.GetProperty("author").EnumerateArray().First();
        author.GetProperty("@type").GetString().ShouldBe("Person");
        author.GetProperty("name").GetString().ShouldNotBeNullOrWhiteSpace();

        // One canonical (the SEO module's, absolute), OpenGraph, and the feed links.
        document.Head.QuerySelectorAll("link[rel=canonical]").ShouldHaveSingleItem()
            .GetAttribute("href")!.ShouldEndWith(SeedSiteFixture.SeedPath);
        document.Head.QuerySelector("meta[property='og:title']").ShouldNotBeNull();
        document.Head.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Home_and_section_pages_advertise_their_feeds()
    {
        var home = new HtmlParser().ParseDocument(await GetOkAsync("/"));
        home.Head!.QuerySelectorAll("link[rel=alternate]").Select(l => l.GetAttribute("href"))
            .ShouldBe(["/feed", "/feed/atom"], ignoreOrder: true);

        var section = new HtmlParser().ParseDocument(await GetOkAsync("/world"));
        section.Head!.QuerySelectorAll("link[rel=alternate]").Select(l => l.GetAttribute("href"))
            .ShouldBe(["/feed", "/feed/atom", "/world/feed", "/world/feed/atom"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_second_request_of_the_article_and_home_pages_is_a_cache_hit()
    {
        foreach (var path in new[] { SeedSiteFixture.SeedPath, "/" })
        {
            (await GetCacheAsync(path)).ShouldBe("MISS", path);
            (await GetCacheAsync(path)).ShouldBe("HIT", path);
        }
    }

    [Fact]
    public async Task A_published_change_shows_on_the_next_request_of_the_cached_article_and_home_pages()
    {
        // An article the home page lists.
        var home = new HtmlParser().ParseDocument(await GetOkAsync("/"));
        var path = home.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!)
            .First(h => h.Count(c => c == '/') == 2 && !h.StartsWith("/author/", StringComparison.Ordinal) && !h.StartsWith("/tag/", StringComparison.Ordinal));
        await GetOkAsync(path);
        (await GetCacheAsync(path)).ShouldBe("HIT");
        (await GetCacheAsync("/")).ShouldBe("HIT");

        const string NewHeadline = "Zqw9 corrected headline after publish";
        await using (var scope = Site.CreateShellScope())
        {
            var route = await scope.ServiceProvider.GetRequiredService<ArticleQueries>().FindRouteAsync(path);
            var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
            route.ShouldNotBeNull();
            var item = (await content.GetAsync(route.ContentItemId, VersionOptions.Latest))!;
            item.Alter<ArticlePart>(a => a.Headline = NewHeadline);
            await content.PublishAsync(item);
        }

        (await GetOkAsync(path)).ShouldContain(NewHeadline);
        (await GetOkAsync("/")).ShouldContain(NewHeadline);
    }

    [Fact]
    public async Task Renaming_a_byline_updates_the_cached_article_page_on_the_next_request()
    {
        await GetOkAsync(SeedSiteFixture.SeedPath);
        (await GetCacheAsync(SeedSiteFixture.SeedPath)).ShouldBe("HIT");

        const string NewName = "Zqw9 Renamed Reporter";
        await using (var scope = Site.CreateShellScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var article = (await content.GetAsync(SeedArticleId, VersionOptions.Published))!;
            var bylineIds = article.As<BylinesPart>().BylineIds;
            bylineIds.ShouldNotBeEmpty();
            var byline = (await content.GetAsync(bylineIds[0], VersionOptions.Latest))!;
            byline.Alter<BylinePart>(b => b.Name = NewName);
            byline.DisplayText = NewName;
            await content.PublishAsync(byline);
        }

        (await GetOkAsync(SeedSiteFixture.SeedPath)).ShouldContain(NewName);
    }

    [Fact]
    public async Task An_unpublished_articles_path_answers_410_Gone()
    {
        (await GetCacheAsync(SeedSiteFixture.SeedPath)).ShouldBe("MISS");
        await using (var scope = Site.CreateShellScope())
        {
            await scope.ServiceProvider.GetRequiredService<IContentManager>().UnpublishAsync(
                (await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(SeedArticleId, VersionOptions.Published))!);
        }

        using var response = await Client.GetAsync(SeedSiteFixture.SeedPath);
        response.StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    private async Task<string> GetOkAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string?> GetCacheAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return response.Headers.TryGetValues("X-Cache", out var values) ? values.Single() : null;
    }
}
