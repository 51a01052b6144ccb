using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Advertising.Models;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Records;
using Newsroom.Data;
using Newsroom.DisplayManagement.Rendering;
using Newsroom.Testing;

namespace Newsroom.Web.Tests;

/// <summary>Public pages after editors change content: drafts stay private, links follow their targets.</summary>
public sealed class ContentChangeTests : SeededSiteTests
{
    private const string SeedArticleId = "04193ec5e9e682f0ddff909313cf75c1";
    private const string ArmeniaReadyArticleId = "01753db1d61ea9ad9b389e2dbeb209e9";
    private const string ArticleTopSlotId = "280042f1da22b67da8c0acbef032dd46";
    private const string KunalGauravBylineId = "35198adcb83b5a74e6ebc6aeb06bdf4b";

    [Fact]
    public async Task A_drafts_unique_marker_never_appears_on_any_public_page()
    {
        const string NewDraftMarker = "Zqx7DraftOnlyHeadline";
        const string PendingEditMarker = "Zqx7PendingEditParagraph";
        await using (var scope = Site.CreateShellScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<IContentManager>();

            // A new article that was never published, in a section, crediting a real byline.
            var draft = await content.NewAsync("Article");
            draft.DisplayText = NewDraftMarker;
            draft.Alter<ArticlePart>(a =>
            {
                a.Headline = NewDraftMarker;
                a.Slug = "zqx7-draft-only";
                a.Section = "world";
                a.Tags = ["Armenia"];
            });
            draft.Alter<BylinesPart>(b => b.BylineIds = [KunalGauravBylineId]);
            draft.Alter<BodyPart>(b => b.Blocks = [new ParagraphBlock { Html = NewDraftMarker }]);
            await content.CreateAsync(draft);

            // A pending edit of the published seed article.
            var seed = (await content.GetAsync(SeedArticleId, VersionOptions.Latest))!;
            seed.Alter<ArticlePart>(a => a.Dek = PendingEditMarker);
            seed.Alter<BodyPart>(b => b.Blocks.Insert(1, new ParagraphBlock { Html = PendingEditMarker }));
            await content.SaveDraftAsync(seed);
            (await content.GetAsync(SeedArticleId, VersionOptions.Latest))!.Published.ShouldBeFalse("the edit is a draft beside the published version");
        }

        string[] pages =
        [
            "/", "/?page=2", "/world", "/world?page=2", "/tag/armenia", "/author/kunal-gaurav",
            SeedSiteFixture.SeedPath, "/world/zqx7-draft-only", "/news/zqx7-draft-only", "/no-such-page",
        ];
        foreach (var page in pages)
        {
            using var response = await Client.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldNotContain("Zqx7", customMessage: $"{page} shows draft content");
        }

        using var draftPath = await Client.GetAsync("/world/zqx7-draft-only");
        draftPath.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client.GetStringAsync(SeedSiteFixture.SeedPath)).ShouldContain("held a third phone call in six days");
    }

    [Fact]
    public async Task A_related_link_follows_its_target_after_the_targets_slug_and_headline_change()
    {
        await using (var scope = Site.CreateShellScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var target = (await content.GetAsync(ArmeniaReadyArticleId, VersionOptions.Latest))!;
            target.Alter<ArticlePart>(a =>
            {
                a.Headline = "Armenia Says It Is Ready For Talks";
                a.Slug = "armenia-says-it-is-ready-for-talks";
            });
            await content.PublishAsync(target);
        }

        var document = new HtmlParser().ParseDocument(await Client.GetStringAsync(SeedSiteFixture.SeedPath));
        var first = document.QuerySelectorAll(".related-link a")[0];
        first.TextContent.ShouldBe("Armenia Says It Is Ready For Talks");
        first.GetAttribute("href").ShouldBe("/world/armenia-says-it-is-ready-for-talks");

        using var followed = await Client.GetAsync("/world/armenia-says-it-is-ready-for-talks");
        followed.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var old = await Client.GetAsync("/world/armenia-ready-for-ceasefire-talks-with-international-mediators");
        old.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        old.Headers.Location!.ToString().ShouldBe("/world/armenia-says-it-is-ready-for-talks");
    }

    [Fact]
    public async Task Provider_ad_markup_runs_only_in_a_sandboxed_frame_without_same_origin()
    {
        const string Markup = "<script>document.body.dataset.ad = 'x'</script><b>Provider ad</b>";
        await using (var scope = Site.CreateShellScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var slot = (await content.GetAsync(ArticleTopSlotId, VersionOptions.Latest))!;
            slot.Alter<AdvertisementSlotPart>(s =>
            {
                s.HouseAd = null;
                s.ProviderMarkup = Markup;
            });
            await content.PublishAsync(slot);
        }

        var html = await Client.GetStringAsync(SeedSiteFixture.SeedPath);
        var document = new HtmlParser().ParseDocument(html);

        var frame = document.QuerySelector("aside[aria-label=Advertisement] iframe")!;
        frame.GetAttribute("sandbox").ShouldBe("allow-scripts allow-popups");
        frame.GetAttribute("srcdoc").ShouldBe(Markup);
        frame.GetAttribute("loading").ShouldBe("lazy");
        // The JSON-LD block is data, not script: browsers never execute application/ld+json.
        document.QuerySelectorAll("script").Where(s => s.GetAttribute("type") != "application/ld+json")
            .ShouldBeEmpty("the page itself runs no script, the provider's included");
        html.ShouldNotContain("<script>");
    }

    [Fact]
    public async Task Paragraph_html_written_around_the_editor_is_sanitized_on_every_render()
    {
        // A row changed behind the content manager (an old import, a hand edit of the database) never
        // went through the save-time sanitizer: the page must still not carry its script.
        const string Hostile = " Zqx7Kept<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">Zqx7Link</a>";
        await using (var scope = Site.CreateShellScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var record = await db.Set<ContentItemRecord>().SingleAsync(r => r.ContentItemId == SeedArticleId && r.Published);
            var data = JsonNode.Parse(record.Data)!;
            AppendToParagraphContaining(data, "held a third phone call in six days", Hostile).ShouldBeTrue("the seed paragraph is in the stored JSON");
            record.Data = data.ToJsonString();
            await db.SaveChangesAsync();
        }

        // Twice: the second render may take the sanitized paragraph from memory instead of sanitizing again.
        for (var render = 0; render < 2; render++)
        {
            var document = new HtmlParser().ParseDocument(await Client.GetStringAsync(SeedSiteFixture.SeedPath));
            var paragraph = document.QuerySelectorAll("p").Where(p => p.TextContent.Contains("Zqx7Kept", StringComparison.Ordinal)).ShouldHaveSingleItem();
            paragraph.QuerySelector("a")!.TextContent.ShouldBe("Zqx7Link");
            paragraph.QuerySelector("a")!.GetAttribute("href").ShouldBeNull($"render {render + 1}");
            paragraph.QuerySelectorAll("script, img").ShouldBeEmpty($"render {render + 1}");
            document.QuerySelectorAll("[onerror]").ShouldBeEmpty($"render {render + 1}");
            document.QuerySelectorAll("script").Where(s => s.GetAttribute("type") != "application/ld+json").ShouldBeEmpty($"render {render + 1}");
        }

        for (var call = 0; call < 2; call++)
        {
            var inline = SafeHtml.Inline("<b>x</b><script>alert(1)</script><i onclick=\"alert(2)\">y</i>").ToString();
            inline.ShouldBe("<b>x</b><i>y</i>", customMessage: $"call {call + 1}");
        }
    }

    // Appends to the Html of the first paragraph block holding the marker (the dek holds it too, as text).
    private static bool AppendToParagraphContaining(JsonNode? node, string marker, string suffix)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (key == nameof(ParagraphBlock.Html) && child is JsonValue value && value.TryGetValue<string>(out var text) && text.Contains(marker, StringComparison.Ordinal))
                    {
                        obj[key] = text + suffix;
                        return true;
                    }

                    if (AppendToParagraphContaining(child, marker, suffix))
                    {
                        return true;
                    }
                }

                return false;
            case JsonArray array:
                return array.Any(child => AppendToParagraphContaining(child, marker, suffix));
            default:
                return false;
        }
    }
}
