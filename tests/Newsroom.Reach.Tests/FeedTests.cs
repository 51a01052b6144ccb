using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Newsroom.Reach.Tests.Support;
using Shouldly;
using Xunit;

namespace Newsroom.Reach.Tests;

public sealed class FeedTests
{
    private static SyndicationFeed Parse(string xml, bool atom)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        SyndicationFeedFormatter formatter = atom ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    [Fact]
    public async Task Feeds_parse_and_carry_authors_categories_image_and_summary_of_published_articles_only()
    {
        await using var site = await ReachSite.StartAsync();
        var asha = await site.PublishBylineAsync("Asha Verma");
        var ravi = await site.PublishBylineAsync("Ravi Menon");
        var world = await site.CreateArticleAsync(
            "Ceasefire talks resume in Geneva",
            section: "world",
            dek: "Negotiators return to the table after a week.",
            bylineIds: [asha.ContentItemId, ravi.ContentItemId],
            tags: ["Diplomacy", "Climate Talks"],
            leadImage: "/media/sample/ceasefire-table.jpg",
            publishedUtc: new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc));
        var india = await site.CreateArticleAsync(
            "Monsoon session opens in Parliament",
            section: "india",
            dek: "Twenty bills are listed.",
            bylineIds: [ravi.ContentItemId],
            publishedUtc: new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc));
        await site.CreateArticleAsync("Unfinished draft DRAFT-FEED-7731", dek: "DRAFT-FEED-7731", publish: false);

        using var rssResponse = await site.Client.GetAsync("/feed");
        rssResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        rssResponse.Content.Headers.ContentType!.ToString().ShouldBe("application/rss+xml; charset=utf-8");
        var rssXml = await rssResponse.Content.ReadAsStringAsync();
        var rss = Parse(rssXml, atom: false);
        rss.Title.Text.ShouldBe("The Reach Herald");
        rss.Items.Select(i => i.Title.Text).ShouldBe(["Monsoon session opens in Parliament", "Ceasefire talks resume in Geneva"]);

        var item = rss.Items.Last();
        item.Links.ShouldContain(l => l.Uri == new Uri("https://herald.example/world/ceasefire-talks-resume-in-geneva"));
        item.Summary.Text.ShouldBe("Negotiators return to the table after a week.");
        item.Authors.Select(a => a.Name).ShouldBe(["Asha Verma", "Ravi Menon"]);
        item.Categories.Select(c => c.Name).ShouldBe(["World", "Diplomacy", "Climate Talks"]);
        var enclosure = item.Links.Single(l => l.RelationshipType == "enclosure");
        enclosure.Uri.ShouldBe(new Uri("https://herald.example/media/sample/ceasefire-table.jpg"));
        enclosure.MediaType.ShouldBe("image/jpeg");
        item.PublishDate.ShouldBe(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        var media = item.ElementExtensions.Single(e => e.OuterName == "content" && e.OuterNamespace == "http://search.yahoo.com/mrss/");
        media.GetObject<System.Xml.Linq.XElement>().Attribute("url")!.Value.ShouldBe("https://herald.example/media/sample/ceasefire-table.jpg");
        rssXml.ShouldContain("<dc:creator>Asha Verma</dc:creator>");

        using var atomResponse = await site.Client.GetAsync("/feed/atom");
        atomResponse.Content.Headers.ContentType!.ToString().ShouldBe("application/atom+xml; charset=utf-8");
        var atom = Parse(await atomResponse.Content.ReadAsStringAsync(), atom: true);
        atom.Items.Count().ShouldBe(2);
        atom.Items.Last().Authors.Select(a => a.Name).ShouldBe(["Asha Verma", "Ravi Menon"]);
        atom.Items.Last().Summary.Text.ShouldBe("Negotiators return to the table after a week.");

        Parse(await site.GetStringAsync("/world/feed"), atom: false).Items.Select(i => i.Title.Text).ShouldBe(["Ceasefire talks resume in Geneva"]);
        Parse(await site.GetStringAsync("/india/feed/atom"), atom: true).Items.Select(i => i.Title.Text).ShouldBe(["Monsoon session opens in Parliament"]);
        Parse(await site.GetStringAsync("/tag/climate-talks/feed"), atom: false).Items.Select(i => i.Title.Text).ShouldBe(["Ceasefire talks resume in Geneva"]);
        Parse(await site.GetStringAsync("/author/asha-verma/feed"), atom: false).Items.Select(i => i.Title.Text).ShouldBe(["Ceasefire talks resume in Geneva"]);
        Parse(await site.GetStringAsync("/author/ravi-menon/feed/atom"), atom: true).Items.Count().ShouldBe(2);

        (await site.Client.GetAsync("/no-such-section/feed")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await site.Client.GetAsync("/tag/no-such-tag/feed")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await site.Client.GetAsync("/author/nobody/feed")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Withdrawn articles leave the feed.
        await site.UnpublishAsync(india.ContentItemId);
        Parse(await site.GetStringAsync("/feed"), atom: false).Items.Select(i => i.Title.Text).ShouldBe(["Ceasefire talks resume in Geneva"]);
        world.ContentItemId.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Feed_lists_the_latest_fifty()
    {
        await using var site = await ReachSite.StartAsync();
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= 52; i++)
        {
            await site.CreateArticleAsync($"Numbered story {i}", publishedUtc: start.AddHours(i));
        }

        var feed = Parse(await site.GetStringAsync("/feed"), atom: false);
        feed.Items.Count().ShouldBe(50);
        feed.Items.First().Title.Text.ShouldBe("Numbered story 52");
        feed.Items.Last().Title.Text.ShouldBe("Numbered story 3");
    }
}
