using System.Net;
using AngleSharp.Html.Parser;

namespace Newsroom.Web.Tests;

[Collection(SeedSiteCollection.Name)]
public sealed class PublicPagesTests(SeedSiteFixture fixture)
{
    [Theory]
    [InlineData("/", "Latest")]
    [InlineData("/world", "World")]
    [InlineData("/business", "Business")]
    [InlineData("/tag/armenia", "Armenia")]
    [InlineData("/author/kunal-gaurav", "Kunal Gaurav")]
    [InlineData("/news/nonexistent-but-valid-shape", "We could not find that page")]
    public async Task Public_pages_answer_with_the_layout(string path, string expected)
    {
        using var response = await fixture.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(path.StartsWith("/news/", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK);
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelector("a.skip-link[href='#main']").ShouldNotBeNull();
        document.QuerySelector("header.masthead .site-name")!.TextContent.Trim().ShouldBe("The Newsroom Herald");
        document.QuerySelectorAll("nav.sections-nav a").Select(a => a.TextContent).ShouldBe(["Home", "World", "India", "Business", "Technology", "Sports"]);
        document.QuerySelector("main#main").ShouldNotBeNull();
        document.QuerySelector("footer.site-footer").ShouldNotBeNull();
        PageText.Of(html).ShouldContain(expected);
    }

    [Fact]
    public async Task The_home_page_has_a_lead_story_latest_articles_and_a_block_per_section()
    {
        var document = new HtmlParser().ParseDocument(await fixture.Client.GetStringAsync("/"));

        document.QuerySelectorAll(".lead-story .summary").Length.ShouldBe(1);
        document.QuerySelectorAll(".latest .summary").Length.ShouldBe(8);
        document.QuerySelectorAll(".section-block h2").Select(h => h.TextContent.Trim()).ShouldBe(["World", "India", "Business", "Technology", "Sports"]);
        document.QuerySelectorAll(".section-block").ShouldAllBe(s => s.QuerySelectorAll(".summary").Length > 0);
    }

    [Fact]
    public async Task Lists_are_paged_with_prev_and_next_links()
    {
        var first = new HtmlParser().ParseDocument(await fixture.Client.GetStringAsync("/"));
        first.QuerySelector("link[rel=next]")!.GetAttribute("href").ShouldBe("/?page=2");
        first.QuerySelector("link[rel=prev]").ShouldBeNull();

        var second = new HtmlParser().ParseDocument(await fixture.Client.GetStringAsync("/?page=2"));
        second.QuerySelector("link[rel=prev]")!.GetAttribute("href").ShouldBe("/");
        second.QuerySelector("a[rel=prev]").ShouldNotBeNull();

        // Following rel=next from the front page visits every published article exactly once.
        var links = first.QuerySelectorAll(".lead-story h3 a, .latest h3 a").Select(a => a.GetAttribute("href")!).ToList();
        var next = first.QuerySelector("link[rel=next]")?.GetAttribute("href");
        var pages = 1;
        while (next is not null && pages < 10)
        {
            var page = new HtmlParser().ParseDocument(await fixture.Client.GetStringAsync(next));
            links.AddRange(page.QuerySelectorAll(".latest h3 a").Select(a => a.GetAttribute("href")!));
            next = page.QuerySelector("link[rel=next]")?.GetAttribute("href");
            pages++;
        }

        pages.ShouldBe(3);
        links.Count.ShouldBe(19);
        links.Distinct().Count().ShouldBe(19);

        using var beyond = await fixture.Client.GetAsync("/world?page=9");
        beyond.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_section_page_lists_only_its_sections_articles_newest_first()
    {
        var document = new HtmlParser().ParseDocument(await fixture.Client.GetStringAsync("/world"));
        var items = document.QuerySelectorAll(".summary-list .summary").ToList();

        items.Count.ShouldBeGreaterThan(2);
        items.ShouldAllBe(i => i.QuerySelector(".kicker")!.TextContent.Trim() == "World");
        var dates = items.Select(i => DateTimeOffset.Parse(i.QuerySelector("time")!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        dates.ShouldBe(dates.OrderByDescending(d => d).ToList());
    }

    [Theory]
    [InlineData("/no-such-section")]
    [InlineData("/no-such-section/some-article")]
    [InlineData("/world/no-such-article")]
    [InlineData("/tag/no-such-tag")]
    [InlineData("/author/nobody")]
    [InlineData("/a/b/c/d")]
    public async Task Unknown_paths_get_the_helpful_404_page(string path)
    {
        using var response = await fixture.Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        document.QuerySelector("h1")!.TextContent.ShouldBe("We could not find that page");
        document.QuerySelector("form[action='/search'] input[name=q]").ShouldNotBeNull();
        document.QuerySelectorAll(".latest-links a").Length.ShouldBe(5);
        document.QuerySelectorAll(".section-links a").Length.ShouldBe(5);
        document.QuerySelector("meta[name=robots]")!.GetAttribute("content").ShouldBe("noindex");
    }
}
