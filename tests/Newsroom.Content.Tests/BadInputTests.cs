using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Advertising.Models;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Records;
using Newsroom.Recipes;
using Newsroom.RelatedLinks.Models;
using Shouldly;
using Xunit;

namespace Newsroom.Content.Tests;

/// <summary>Issue 3's "Bad input": each is refused with the field named, and nothing is saved.</summary>
public sealed class BadInputTests(ContentSiteFixture fixture) : IClassFixture<ContentSiteFixture>
{
    private const string SeedSlug = "nagorno-karabakh-conflict-putin-armenian-pm-discuss-worsening-situation";

    private async Task<ContentValidationException> RefusedAsync(Func<IContentManager, Task<ContentItem>> make, VersionOptions? options = null)
    {
        var before = await fixture.CountVersionsAsync();
        var error = await fixture.WithContentAsync(async (content, _) =>
        {
            var item = await make(content);
            return await Should.ThrowAsync<ContentValidationException>(() => content.CreateAsync(item, options ?? VersionOptions.Published));
        });
        (await fixture.CountVersionsAsync()).ShouldBe(before, "a refused write must save nothing");
        return error;
    }

    [Fact]
    public async Task Missing_headline_is_refused()
    {
        var error = await RefusedAsync(content => ContentSiteFixture.NewArticleAsync(content, "   "));
        error.Errors.ShouldContain(e => e.Field == "ArticlePart.Headline");
    }

    [Fact]
    public async Task A_refused_write_leaves_the_item_as_the_editor_gave_it_and_an_accepted_one_normalised()
    {
        await fixture.WithContentAsync(async (content, _) =>
        {
            // The headline is valid but untrimmed; the body's embed is refused afterwards.
            var item = await ContentSiteFixture.NewArticleAsync(content, "  Spaced headline  ", blocks: [new EmbedBlock { Url = "http://maps.example/embed" }]);
            await Should.ThrowAsync<ContentValidationException>(() => content.CreateAsync(item, VersionOptions.Draft));
            item.As<ArticlePart>().Headline.ShouldBe("  Spaced headline  ");
            item.Content["ArticlePart"]!["Headline"]!.GetValue<string>().ShouldBe("  Spaced headline  ");

            var accepted = await ContentSiteFixture.NewArticleAsync(content, "  Spaced headline  ");
            await content.CreateAsync(accepted, VersionOptions.Draft);
            accepted.As<ArticlePart>().Headline.ShouldBe("Spaced headline");
            accepted.DisplayText.ShouldBe("Spaced headline");
            var stored = await content.GetAsync(accepted.ContentItemId, VersionOptions.Latest);
            stored!.As<ArticlePart>().Headline.ShouldBe("Spaced headline");
        });
    }

    [Fact]
    public async Task Headline_longer_than_200_characters_is_refused()
    {
        var error = await RefusedAsync(content => ContentSiteFixture.NewArticleAsync(content, new string('h', 201)));
        error.Errors.ShouldContain(e => e.Field == "ArticlePart.Headline" && e.Message.Contains("200"));
    }

    [Fact]
    public async Task Headline_of_exactly_200_characters_is_accepted()
    {
        await fixture.WithContentAsync(async (content, _) =>
        {
            var item = await ContentSiteFixture.NewArticleAsync(content, new string('h', 200));
            await content.CreateAsync(item, VersionOptions.Draft);
        });
    }

    [Fact]
    public async Task Duplicate_published_slug_is_refused_on_publish_but_a_draft_may_hold_it()
    {
        var error = await RefusedAsync(content => ContentSiteFixture.NewArticleAsync(content, "Another take", SeedSlug));
        error.Errors.ShouldContain(e => e.Field == "ArticlePart.Slug" && e.Message.Contains("already used"));

        await fixture.WithContentAsync(async (content, db) =>
        {
            var draft = await ContentSiteFixture.NewArticleAsync(content, "A draft with a taken slug", SeedSlug);
            await content.CreateAsync(draft, VersionOptions.Draft);
            await Should.ThrowAsync<ContentValidationException>(() => content.PublishAsync(draft));
            (await db.Set<ArticleIndex>().CountAsync(a => a.Slug == SeedSlug)).ShouldBe(1);
        });
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("Feed")]
    [InlineData("sitemap.xml")]
    [InlineData("world")]
    public async Task Reserved_or_section_slug_is_refused(string slug)
    {
        var error = await RefusedAsync(content => ContentSiteFixture.NewArticleAsync(content, "Reserved words", slug), VersionOptions.Draft);
        error.Errors.ShouldContain(e => e.Field == "ArticlePart.Slug" && e.Message.Contains("reserved"));
    }

    [Fact]
    public async Task Unknown_section_is_refused()
    {
        var error = await RefusedAsync(content => ContentSiteFixture.NewArticleAsync(content, "Nowhere", section: "astrology"));
        error.Errors.ShouldContain(e => e.Field == "ArticlePart.Section");
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("ftp://example.com/file")]
    [InlineData("/relative/path")]
    public async Task Related_link_with_a_non_http_url_is_refused(string url)
    {
        var error = await RefusedAsync(content => ContentSiteFixture.NewArticleAsync(
            content,
            "Links",
            blocks: [new ParagraphBlock { Html = "One." }, new RelatedLinkBlock { Url = url, Headline = "Bad" }]));
        error.Errors.ShouldContain(e => e.Field == "BodyPart.Blocks[1].Url");
    }

    [Fact]
    public async Task Related_link_needs_exactly_one_target_that_exists()
    {
        var error = await RefusedAsync(content => ContentSiteFixture.NewArticleAsync(
            content,
            "Links",
            blocks:
            [
                new RelatedLinkBlock { Url = "https://example.com", TargetContentItemId = "2c6a4229b5cdb2ef73033cab963da9bd" },
                new RelatedLinkBlock(),
                new RelatedLinkBlock { TargetContentItemId = "doesnotexist" },
            ]));
        error.Errors.ShouldContain(e => e.Field == "BodyPart.Blocks[0].Url");
        error.Errors.ShouldContain(e => e.Field == "BodyPart.Blocks[1].TargetContentItemId");
        error.Errors.ShouldContain(e => e.Field == "BodyPart.Blocks[2].TargetContentItemId" && e.Message.Contains("does not exist"));
    }

    [Fact]
    public async Task Related_link_part_with_javascript_url_is_refused()
    {
        var error = await RefusedAsync(async content =>
        {
            var item = await content.NewAsync("RelatedLink");
            item.Alter<RelatedLinkPart>(p => p.Url = "javascript:alert(1)");
            return item;
        });
        error.Errors.ShouldContain(e => e.Field == "RelatedLinkPart.Url");
    }

    [Fact]
    public async Task Ad_slot_with_an_unknown_size_is_refused()
    {
        var error = await RefusedAsync(async content =>
        {
            var item = await content.NewAsync("AdvertisementSlot");
            item.Alter<AdvertisementSlotPart>(p =>
            {
                p.Name = "bad-sizes";
                p.Sizes = ["300x250", "299x251"];
            });
            return item;
        });
        error.Errors.ShouldContain(e => e.Field == "AdvertisementSlotPart.Sizes[1]" && e.Message.Contains("299x251"));
    }

    [Fact]
    public async Task Ad_slot_schedule_must_start_before_it_ends()
    {
        var error = await RefusedAsync(async content =>
        {
            var item = await content.NewAsync("AdvertisementSlot");
            item.Alter<AdvertisementSlotPart>(p =>
            {
                p.Name = "backwards";
                p.Sizes = ["fluid"];
                p.ActiveFromUtc = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
                p.ActiveUntilUtc = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);
            });
            return item;
        });
        error.Errors.ShouldContain(e => e.Field == "AdvertisementSlotPart.ActiveUntilUtc");
    }

    [Fact]
    public async Task Ad_slot_block_must_name_an_existing_slot()
    {
        var error = await RefusedAsync(content => ContentSiteFixture.NewArticleAsync(
            content,
            "Ads",
            blocks: [new ParagraphBlock { Html = "One." }, new AdSlotBlock { SlotId = "nosuchslot" }]));
        error.Errors.ShouldContain(e => e.Field == "BodyPart.Blocks[1].SlotId");
    }

    [Fact]
    public async Task Images_need_dimensions_and_embeds_need_https()
    {
        var error = await RefusedAsync(async content =>
        {
            var item = await ContentSiteFixture.NewArticleAsync(
                content,
                "Pictures",
                blocks:
                [
                    new ImageBlock { Src = "/media/sample/karabakh-map.jpg", Width = 0, Height = 400 },
                    new EmbedBlock { Url = "http://www.openstreetmap.org/export/embed.html" },
                ]);
            item.Alter<LeadImagePart>(p =>
            {
                p.Src = "/media/sample/karabakh-map.jpg";
                p.Width = 1200;
            });
            return item;
        });
        error.Errors.ShouldContain(e => e.Field == "BodyPart.Blocks[0].Width");
        error.Errors.ShouldContain(e => e.Field == "BodyPart.Blocks[1].Url");
        error.Errors.ShouldContain(e => e.Field == "LeadImagePart.Height");
    }

    [Fact]
    public async Task Unknown_byline_is_refused()
    {
        var error = await RefusedAsync(async content =>
        {
            var item = await ContentSiteFixture.NewArticleAsync(content, "Who wrote this");
            item.Alter<Newsroom.Bylines.Models.BylinesPart>(p => p.BylineIds = ["35198adcb83b5a74e6ebc6aeb06bdf4b", "ghostwriter"]);
            return item;
        });
        error.Errors.ShouldHaveSingleItem().Field.ShouldBe("BylinesPart.BylineIds");
        error.Errors[0].Message.ShouldContain("byline 'ghostwriter' does not exist");
    }

    [Fact]
    public async Task Script_and_event_handlers_in_a_paragraph_are_sanitised_away()
    {
        const string hostile =
            "Hello <script>alert('x')</script><b onclick=\"steal()\">bold</b> <a href=\"javascript:alert(1)\">bad</a> "
            + "<a href=\"https://example.com/ok\" onmouseover=\"x()\" style=\"color:red\">good</a> <img src=x onerror=alert(2)>"
            + "<span style=\"position:fixed\">kept text</span> <a href=\"data:text/html,hi\">data</a> <em>fine</em> "
            + "<a href=\"/world/other\">inside</a> <a href=\"mailto:desk@example.com\">mail</a>";
        var stored = await fixture.WithContentAsync(async (content, _) =>
        {
            var item = await ContentSiteFixture.NewArticleAsync(
                content,
                "Sanitised",
                blocks: [new ParagraphBlock { Html = hostile }, new SubheadingBlock { Text = "<i>Plain</i> <script>x()</script>heading" }]);
            await content.CreateAsync(item, VersionOptions.Published);
            return (await content.GetAsync(item.ContentItemId))!;
        });

        var blocks = stored.As<BodyPart>().Blocks;
        var html = blocks[0].ShouldBeOfType<ParagraphBlock>().Html;
        foreach (var banned in new[] { "<script", "alert", "onclick", "onmouseover", "onerror", "javascript:", "data:", "style", "<img", "<span" })
        {
            html.ShouldNotContain(banned, Case.Insensitive);
        }

        html.ShouldContain("<b>bold</b>");
        html.ShouldContain("<a href=\"https://example.com/ok\">good</a>");
        html.ShouldContain("kept text");
        html.ShouldContain("<em>fine</em>");
        html.ShouldContain("<a href=\"/world/other\">inside</a>");
        html.ShouldContain("<a href=\"mailto:desk@example.com\">mail</a>");
        blocks[1].ShouldBeOfType<SubheadingBlock>().Text.ShouldBe("Plain heading");
    }

    [Fact]
    public async Task Recipe_referencing_a_missing_byline_fails_naming_the_field_and_saves_nothing()
    {
        var recipe = RecipeReader.Parse(
            new JsonObject
            {
                ["name"] = "bad-byline",
                ["steps"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["name"] = "content",
                        ["data"] = new JsonArray
                        {
                            new JsonObject
                            {
                                ["ContentItemId"] = "aaaabbbbccccdddd0000111122223333",
                                ["ContentType"] = "Byline",
                                ["Published"] = true,
                                ["BylinePart"] = new JsonObject { ["Name"] = "Real Person" },
                            },
                            new JsonObject
                            {
                                ["ContentItemId"] = "aaaabbbbccccdddd0000111122224444",
                                ["ContentType"] = "Article",
                                ["Published"] = true,
                                ["ArticlePart"] = new JsonObject { ["Headline"] = "Orphan credit", ["Section"] = "world" },
                                ["BylinesPart"] = new JsonObject { ["BylineIds"] = new JsonArray("aaaabbbbccccdddd0000111122223333", "missingbyline") },
                            },
                        },
                    },
                },
            }.ToJsonString(),
            "bad-byline.recipe.json");

        var before = await RowCountsAsync();
        await using var scope = fixture.Scope();
        var error = await Should.ThrowAsync<RecipeException>(() => scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe));
        error.Field.ShouldBe("data[1].BylinesPart.BylineIds");
        error.Message.ShouldContain("missingbyline");
        (await RowCountsAsync()).ShouldBe(before);
        (await fixture.WithContentAsync((content, _) => content.GetAsync("aaaabbbbccccdddd0000111122223333", VersionOptions.Latest))).ShouldBeNull();
    }

    private Task<string> RowCountsAsync() =>
        fixture.WithContentAsync(async (_, db) =>
            $"{await db.Set<ContentItemRecord>().CountAsync()}/{await db.Set<ArticleIndex>().CountAsync()}/"
            + $"{await db.Set<Newsroom.Bylines.Indexes.BylineIndex>().CountAsync()}/{await db.Set<ArticleRoute>().CountAsync()}");
}
