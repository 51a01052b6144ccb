using Newsroom.Articles.Models;
using Newsroom.Reach.Tests.Support;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Reach.Tests;

public sealed class DraftVisibilityTests
{
    private const string Marker = "ZQXDRAFTMARKER4417";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_drafts_marker_never_appears_in_feeds_sitemaps_or_search(string provider)
    {
        await using var site = await ReachSite.StartAsync(provider);
        var byline = await site.PublishBylineAsync("Nadia Rahman");

        // A draft that was never published.
        await site.CreateArticleAsync($"Secret plan {Marker}", dek: Marker, body: $"<p>{Marker} in the body</p>", bylineIds: [byline.ContentItemId], publish: false);

        // A published article whose newer draft carries the marker.
        var live = await site.CreateArticleAsync("Harbour reopens after storm", dek: "Ships return.", body: "<p>Harbour traffic resumes.</p>", bylineIds: [byline.ContentItemId]);
        await site.ChangeAsync(live.ContentItemId, item => item.Alter<ArticlePart>(a =>
        {
            a.Headline = $"Harbour {Marker}";
            a.Dek = Marker;
            a.Tags = [Marker];
        }), publish: false);

        // An article published, then unpublished with the marker in it.
        var withdrawn = await site.CreateArticleAsync($"Withdrawn {Marker}", dek: Marker, body: $"<p>{Marker}</p>");
        await site.UnpublishAsync(withdrawn.ContentItemId);

        string[] paths =
        [
            "/feed", "/feed/atom", "/world/feed", "/world/feed/atom", "/author/nadia-rahman/feed", "/author/nadia-rahman/feed/atom",
            "/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/news.xml",
            "/search?q=secret+plan", "/search?q=withdrawn", "/search?q=harbour",
        ];
        foreach (var path in paths)
        {
            var body = await site.GetStringAsync(path);
            body.ShouldNotContain(Marker, Case.Insensitive, $"{path} shows the draft marker");
        }

        // Searching for the marker itself finds nothing (the page only echoes the query).
        var search = await site.GetStringAsync($"/search?q={Marker}");
        search.ShouldContain("No articles match");
        search.ShouldNotContain("class=\"search-result\"");

        (await site.GetStringAsync("/feed")).ShouldContain("Harbour reopens after storm");
        (await site.GetStringAsync("/search?q=harbour")).ShouldContain("<mark>Harbour</mark> reopens after storm");
    }
}
