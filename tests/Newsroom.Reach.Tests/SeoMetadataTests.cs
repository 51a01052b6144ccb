using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.Reach.Tests.Support;
using Newsroom.Seo.Metadata;
using Shouldly;
using Xunit;

namespace Newsroom.Reach.Tests;

public sealed partial class SeoMetadataTests
{
    private static async Task<string> RenderHeadAsync(ReachSite site, string articleId, Uri url)
    {
        await using var scope = site.Site.CreateShellScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var article = await contents.GetAsync(articleId, VersionOptions.Published);
        var seo = await scope.ServiceProvider.GetRequiredService<ISeoMetadataBuilder>().BuildArticleAsync(article!, url);
        return seo.RenderHeadHtml();
    }

    private static JsonElement JsonLd(string head)
    {
        var scripts = ScriptPattern().Matches(head);
        scripts.Count.ShouldBe(1);
        return JsonDocument.Parse(scripts[0].Groups[1].Value).RootElement.Clone();
    }

    private static string MetaContent(string head, string property)
    {
        var match = Regex.Match(head, "<meta (?:property|name)=\"" + Regex.Escape(property) + "\" content=\"([^\"]*)\">");
        match.Success.ShouldBeTrue($"no {property} in {head}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [Fact]
    public async Task Json_ld_parses_and_carries_the_NewsArticle_and_breadcrumb_fields()
    {
        await using var site = await ReachSite.StartAsync();
        var byline = await site.PublishBylineAsync("Kunal Gaurav");
        var article = await site.CreateArticleAsync(
            "Armenia and Azerbaijan agree to talks",
            section: "world",
            dek: "The first meeting in a month.",
            bylineIds: [byline.ContentItemId],
            tags: ["Caucasus"],
            leadImage: "/media/sample/ceasefire-table.jpg",
            publishedUtc: new DateTime(2020, 10, 3, 7, 31, 0, DateTimeKind.Utc));
        await site.ChangeAsync(article.ContentItemId, i => i.Alter<ArticlePart>(a => a.UpdatedUtc = new DateTime(2020, 10, 3, 9, 0, 0, DateTimeKind.Utc)));
        var url = new Uri("https://herald.example/world/armenia-and-azerbaijan-agree-to-talks");

        var head = await RenderHeadAsync(site, article.ContentItemId, url);
        var graph = JsonLd(head).GetProperty("@graph");
        var news = graph[0];
        news.GetProperty("@type").GetString().ShouldBe("NewsArticle");
        news.GetProperty("headline").GetString().ShouldBe("Armenia and Azerbaijan agree to talks");
        news.GetProperty("description").GetString().ShouldBe("The first meeting in a month.");
        news.GetProperty("image")[0].GetProperty("url").GetString().ShouldBe("https://herald.example/media/sample/ceasefire-table.jpg");
        news.GetProperty("datePublished").GetString().ShouldBe("2020-10-03T13:01:00+05:30");
        news.GetProperty("dateModified").GetString().ShouldBe("2020-10-03T14:30:00+05:30");
        var author = news.GetProperty("author")[0];
        author.GetProperty("@type").GetString().ShouldBe("Person");
        author.GetProperty("name").GetString().ShouldBe("Kunal Gaurav");
        author.GetProperty("url").GetString().ShouldBe("https://herald.example/author/kunal-gaurav");
        var publisher = news.GetProperty("publisher");
        publisher.GetProperty("@type").GetString().ShouldBe("Organization");
        publisher.GetProperty("name").GetString().ShouldBe("The Reach Herald");
        publisher.GetProperty("logo").GetProperty("url").GetString().ShouldBe("https://herald.example/media/logo.png");
        news.GetProperty("articleSection").GetString().ShouldBe("World");
        news.GetProperty("mainEntityOfPage").GetProperty("@id").GetString().ShouldBe(url.AbsoluteUri);

        var crumbs = graph[1];
        crumbs.GetProperty("@type").GetString().ShouldBe("BreadcrumbList");
        crumbs.GetProperty("itemListElement").EnumerateArray().Select(c => c.GetProperty("item").GetString()).ShouldBe([
            "https://herald.example/", "https://herald.example/world", url.AbsoluteUri,
        ]);

        head.ShouldContain($"<link rel=\"canonical\" href=\"{url.AbsoluteUri}\">");
        MetaContent(head, "og:title").ShouldBe("Armenia and Azerbaijan agree to talks");
        MetaContent(head, "og:type").ShouldBe("article");
        MetaContent(head, "og:image").ShouldBe("https://herald.example/media/sample/ceasefire-table.jpg");
        MetaContent(head, "og:locale").ShouldBe("en_IN");
        MetaContent(head, "twitter:card").ShouldBe("summary_large_image");
        MetaContent(head, "description").ShouldBe("The first meeting in a month.");
        head.ShouldContain("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"The Reach Herald\" href=\"https://herald.example/feed\">");
    }

    [Fact]
    public async Task A_headline_with_script_end_tags_and_quotes_is_escaped_for_attributes_and_for_json()
    {
        await using var site = await ReachSite.StartAsync();
        const string headline = "Breaking </script><script>alert(\"x\")</script> & 'quotes' <!-- \u2028 end";
        var article = await site.CreateArticleAsync(headline, dek: "A \"quoted\" <b>dek</b>");
        var head = await RenderHeadAsync(site, article.ContentItemId, new Uri("https://herald.example/world/breaking"));

        // Only the JSON-LD's own end tag: nothing in the data can close the script element.
        Regex.Count(head, "</script", RegexOptions.IgnoreCase).ShouldBe(1);
        head.ShouldNotContain("<script>alert");
        head.ShouldNotContain("<!--");
        head.ShouldNotContain("\u2028");
        var json = ScriptPattern().Match(head).Groups[1].Value;
        json.ShouldContain("\\u003C/script\\u003E");
        JsonLd(head).GetProperty("@graph")[0].GetProperty("headline").GetString().ShouldBe(headline);

        // Attribute values are encoded and read back exactly.
        MetaContent(head, "og:title").ShouldBe(headline);
        MetaContent(head, "twitter:title").ShouldBe(headline);
        MetaContent(head, "description").ShouldBe("A \"quoted\" <b>dek</b>");
        head.ShouldContain("&quot;quoted&quot;");
    }

    [Fact]
    public async Task The_public_head_is_shared_between_readers_and_follows_bylines_settings_and_never_a_draft()
    {
        // Without the page cache, so every request renders the page and its head.
        await using var site = await ReachSite.StartAsync(settings: new Dictionary<string, string?> { ["Newsroom:OutputCache:Enabled"] = "false" });
        var byline = await site.PublishBylineAsync("Kunal Gaurav");
        var article = await site.CreateArticleAsync("Talks resume in Moscow", bylineIds: [byline.ContentItemId]);
        const string path = "/world/talks-resume-in-moscow";
        var url = new Uri(ReachSite.BaseUrl + path);

        // Two requests, one metadata object: built once, then shared.
        async Task<ArticleSeoMetadata> PublishedAsync(string id, VersionOptions version)
        {
            await using var scope = site.Site.CreateShellScope();
            var item = await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, version);
            return await scope.ServiceProvider.GetRequiredService<ISeoMetadataBuilder>().BuildPublishedArticleAsync(item!, url);
        }

        (await PublishedAsync(article.ContentItemId, VersionOptions.Published)).ShouldBeSameAs(await PublishedAsync(article.ContentItemId, VersionOptions.Published));
        var head = await site.GetStringAsync(path);
        MetaContent(head, "og:site_name").ShouldBe("The Reach Herald");
        JsonLd(head).GetProperty("@graph")[0].GetProperty("author")[0].GetProperty("name").GetString().ShouldBe("Kunal Gaurav");

        // A saved draft is not the published version: built for the call only, never shared, never public.
        await site.ChangeAsync(article.ContentItemId, i => i.Alter<ArticlePart>(a => a.SeoTitle = "Draft title"), publish: false);
        var draft = await PublishedAsync(article.ContentItemId, VersionOptions.Draft);
        draft.Title.ShouldBe("Draft title");
        draft.ShouldNotBeSameAs(await PublishedAsync(article.ContentItemId, VersionOptions.Draft));
        MetaContent(await site.GetStringAsync(path), "og:title").ShouldBe("Talks resume in Moscow");

        // A byline renamed and published: the next reader gets the new name.
        await site.ChangeAsync(byline.ContentItemId, i => i.Alter<BylinePart>(b => b.Name = "K. Gaurav"));
        JsonLd(await site.GetStringAsync(path)).GetProperty("@graph")[0].GetProperty("author")[0].GetProperty("name").GetString().ShouldBe("K. Gaurav");

        // New site settings are not a publish, and still reach the head at once.
        await using (var scope = site.Site.CreateShellScope())
        {
            var documents = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
            var settings = await documents.GetForUpdateAsync<SiteSettings>();
            settings.SiteName = "The Evening Herald";
            await documents.SaveAsync(settings);
        }

        MetaContent(await site.GetStringAsync(path), "og:site_name").ShouldBe("The Evening Herald");
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptPattern();
}
