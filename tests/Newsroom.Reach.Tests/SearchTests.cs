using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Bylines.Models;
using Newsroom.Reach.Tests.Support;
using Newsroom.Search.Services;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Reach.Tests;

public sealed class SearchTests
{
    private static async Task<SearchResults> SearchAsync(ReachSite site, string query, int page = 1)
    {
        await using var scope = site.Site.CreateShellScope();
        return await scope.ServiceProvider.GetRequiredService<ISearchService>().SearchAsync(query, page);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_finds_published_articles_by_headline_body_and_byline_ranked_and_highlighted(string provider)
    {
        await using var site = await ReachSite.StartAsync(provider);
        var mirela = await site.PublishBylineAsync("Mirela Sundaram");
        var inHeadline = await site.CreateArticleAsync(
            "Monsoon floods swamp Kerala villages",
            dek: "Thousands moved to relief camps.",
            body: "<p>Rivers rose overnight after heavy rain.</p>",
            publishedUtc: new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc));
        var inBody = await site.CreateArticleAsync(
            "Budget day arrives",
            dek: "The finance minister speaks at noon.",
            body: "<p>Farmers hope the <b>monsoon</b> &amp; prices hold. <script>x()</script> More text follows here.</p>",
            bylineIds: [mirela.ContentItemId],
            publishedUtc: new DateTime(2026, 7, 2, 0, 0, 0, DateTimeKind.Utc));
        await site.CreateArticleAsync("Monsoon draft never published", publish: false);
        var withdrawn = await site.CreateArticleAsync("Monsoon story withdrawn later");
        await site.UnpublishAsync(withdrawn.ContentItemId);
        var removed = await site.CreateArticleAsync("Monsoon story deleted later");
        await site.RemoveAsync(removed.ContentItemId);

        var results = await SearchAsync(site, "monsoon");
        results.Total.ShouldBe(2);
        results.Hits.Select(h => h.ContentItemId).ShouldBe([inHeadline.ContentItemId, inBody.ContentItemId]);
        results.Hits[0].HeadlineHtml.ShouldBe("<mark>Monsoon</mark> floods swamp Kerala villages");
        results.Hits[0].Path.ShouldBe("/world/monsoon-floods-swamp-kerala-villages");
        var snippet = results.Hits[1].SnippetHtml;
        snippet.ShouldContain("<mark>monsoon</mark>");
        snippet.ShouldContain("&amp; prices hold");
        snippet.ShouldNotContain("<b>");
        snippet.ShouldNotContain("<script");

        // Body words, dek words and byline names are all searchable; several words must all match.
        (await SearchAsync(site, "rivers rose")).Hits.Select(h => h.ContentItemId).ShouldBe([inHeadline.ContentItemId]);
        (await SearchAsync(site, "relief camps")).Hits.Select(h => h.ContentItemId).ShouldBe([inHeadline.ContentItemId]);
        (await SearchAsync(site, "Sundaram")).Hits.Select(h => h.ContentItemId).ShouldBe([inBody.ContentItemId]);
        (await SearchAsync(site, "monsoon budget")).Hits.Select(h => h.ContentItemId).ShouldBe([inBody.ContentItemId]);
        (await SearchAsync(site, "withdrawn")).Total.ShouldBe(0);
        (await SearchAsync(site, "draft")).Total.ShouldBe(0);

        // A byline's new name reaches the articles that credit it.
        await site.ChangeAsync(mirela.ContentItemId, b => b.Alter<BylinePart>(p => p.Name = "Mirela Okonkwo-Sundaram"));
        (await SearchAsync(site, "Okonkwo")).Hits.Select(h => h.ContentItemId).ShouldBe([inBody.ContentItemId]);

        // Results are kept between searches only until published content changes: a new article is
        // found at once, a withdrawn one is gone at once.
        var later = await site.CreateArticleAsync("Monsoon reaches Goa early", publishedUtc: new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        (await SearchAsync(site, "monsoon")).Hits.Select(h => h.ContentItemId).ShouldContain(later.ContentItemId);
        await site.UnpublishAsync(later.ContentItemId);
        (await SearchAsync(site, "monsoon")).Total.ShouldBe(2);

        // The page.
        using var response = await site.Client.GetAsync("/search?q=monsoon");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<mark>Monsoon</mark> floods swamp Kerala villages");
        html.ShouldContain("href=\"/world/monsoon-floods-swamp-kerala-villages\"");
        html.ShouldContain("2 articles match");
        html.ShouldNotContain("Monsoon draft never published");
        html.ShouldNotContain("withdrawn later");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_pages_through_results(string provider)
    {
        await using var site = await ReachSite.StartAsync(provider);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= 13; i++)
        {
            await site.CreateArticleAsync($"Cricket report number {i}", publishedUtc: start.AddDays(i));
        }

        var first = await SearchAsync(site, "cricket");
        first.Total.ShouldBe(13);
        first.Hits.Count.ShouldBe(10);
        first.HasNext.ShouldBeTrue();
        var second = await SearchAsync(site, "cricket", 2);
        second.Hits.Count.ShouldBe(3);
        second.HasNext.ShouldBeFalse();
        first.Hits.Concat(second.Hits).Select(h => h.ContentItemId).Distinct().Count().ShouldBe(13);

        var page2 = await site.GetStringAsync("/search?q=cricket&page=2");
        page2.ShouldContain("Page 2 of 2");
        page2.ShouldContain("rel=\"prev\"");
    }

    public static TheoryData<string, string> HostileQueries()
    {
        string[] queries =
        [
            "' OR 1=1 --", "%", "%%", "_", "\"unbalanced", "unbalanced\"", "NEAR(", "NEAR(monsoon kerala, 2)", "*", "monsoon*",
            "-monsoon", "monsoon OR", "AND OR NOT", "(", ")", "{col}:x", "Headline:monsoon", "^monsoon", "a\"b\"c\"", "\\",
            "'; DROP TABLE \"ArticleSearch\"; --", "<script>alert(1)</script>", "\u0000", "😀 monsoon", "!!!", "&", "|", ":*",
            new string('a', 10_000), string.Join(' ', Enumerable.Repeat("monsoon", 2_000)),
        ];
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { TestDatabase.Sqlite, TestDatabase.Postgres })
        {
            data.Add(provider, string.Join('\u001F', queries));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Hostile_queries_get_a_normal_page_never_a_500(string provider, string joinedQueries)
    {
        await using var site = await ReachSite.StartAsync(provider);
        await site.CreateArticleAsync("Monsoon floods swamp Kerala", body: "<p>Rain and more rain.</p>");
        foreach (var query in joinedQueries.Split('\u001F'))
        {
            using var response = await site.Client.GetAsync("/search?q=" + Uri.EscapeDataString(query));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"query {query[..Math.Min(query.Length, 40)]}");
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldNotContain("<script>alert(1)</script>");
        }

        foreach (var page in new[] { "-5", "0", "99999999999", "abc" })
        {
            (await site.Client.GetAsync("/search?q=monsoon&page=" + page)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Still a working search afterwards (the table was not harmed).
        (await SearchAsync(site, "monsoon")).Total.ShouldBe(1);
    }
}
