using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Indexes;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.RelatedLinks.Models;
using Newsroom.RelatedLinks.Services;
using Shouldly;
using Xunit;

namespace Newsroom.Content.Tests;

/// <summary>Index and route maintenance on publish, slug change, unpublish.</summary>
public sealed class RouteTests(ContentSiteFixture fixture) : IClassFixture<ContentSiteFixture>
{
    [Fact]
    public async Task Slug_change_keeps_the_old_route_as_non_current_and_the_publish_date()
    {
        var slug = "route-" + Guid.NewGuid().ToString("N")[..8];
        var id = await fixture.WithContentAsync(async (content, _) =>
        {
            var item = await ContentSiteFixture.NewArticleAsync(content, "Routes move", slug);
            item.Alter<ArticlePart>(p => p.Tags = ["Routing"]);
            await content.CreateAsync(item, VersionOptions.Published);
            return item.ContentItemId;
        });
        var firstPublished = fixture.Clock.GetUtcNow().UtcDateTime;

        fixture.Clock.Advance(TimeSpan.FromHours(3));
        await fixture.WithContentAsync(async (content, _) =>
        {
            var latest = (await content.GetAsync(id, VersionOptions.Latest))!;
            latest.Alter<ArticlePart>(p =>
            {
                p.Slug = slug + "-renamed";
                p.Section = "business";
            });
            await content.PublishAsync(latest);
        });

        await fixture.WithContentAsync(async (content, db) =>
        {
            var routes = await db.Set<ArticleRoute>().Where(r => r.ContentItemId == id).OrderBy(r => r.CreatedUtc).ToListAsync();
            routes.Select(r => (r.Path, r.IsCurrent)).ShouldBe([($"/world/{slug}", false), ($"/business/{slug}-renamed", true)]);
            var row = await db.Set<ArticleIndex>().SingleAsync(a => a.ContentItemId == id);
            row.Slug.ShouldBe(slug + "-renamed");
            row.Section.ShouldBe("business");
            row.PublishedUtc.ShouldBe(firstPublished);

            var published = (await content.GetAsync(id))!;
            published.As<ArticlePart>().PublishedUtc.ShouldBe(firstPublished);
            published.As<ArticlePart>().UpdatedUtc.ShouldBe(firstPublished);
        });

        // Unpublishing empties the indexes but keeps the routes (the site answers 410 Gone there).
        await fixture.WithContentAsync(async (content, db) =>
        {
            await content.UnpublishAsync((await content.GetAsync(id, VersionOptions.Latest))!);
            (await db.Set<ArticleIndex>().AnyAsync(a => a.ContentItemId == id)).ShouldBeFalse();
            (await db.Set<ArticleTagIndex>().AnyAsync(a => a.ContentItemId == id)).ShouldBeFalse();
            (await db.Set<ArticleRoute>().CountAsync(r => r.ContentItemId == id)).ShouldBe(2);
        });

        // The old slug is free again once nothing published uses it.
        await fixture.WithContentAsync(async (content, _) =>
        {
            var other = await ContentSiteFixture.NewArticleAsync(content, "Takes the slug", slug + "-renamed", "business");
            await content.CreateAsync(other, VersionOptions.Published);
        });
    }

    [Fact]
    public async Task Related_link_follows_its_target_through_a_slug_change()
    {
        var (targetId, linkingId) = await fixture.WithContentAsync(async (content, _) =>
        {
            var target = await ContentSiteFixture.NewArticleAsync(content, "The target story", "target-" + Guid.NewGuid().ToString("N")[..8]);
            await content.CreateAsync(target, VersionOptions.Published);
            var linking = await ContentSiteFixture.NewArticleAsync(
                content,
                "The linking story",
                blocks: [new ParagraphBlock { Html = "Intro." }, new RelatedLinkBlock { TargetContentItemId = target.ContentItemId, Label = "" }]);
            await content.CreateAsync(linking, VersionOptions.Published);
            return (target.ContentItemId, linking.ContentItemId);
        });

        await fixture.WithContentAsync(async (content, _) =>
        {
            var target = (await content.GetAsync(targetId, VersionOptions.Latest))!;
            target.Alter<ArticlePart>(p =>
            {
                p.Slug = "target-moved-" + Guid.NewGuid().ToString("N")[..8];
                p.Headline = "The target story, updated";
            });
            await content.PublishAsync(target);
        });

        await using var scope = fixture.Scope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var linking = (await content.GetAsync(linkingId))!;
        var block = linking.As<BodyPart>().Blocks[1].ShouldBeOfType<RelatedLinkBlock>();
        block.Label.ShouldBe("Read");
        var resolved = (await scope.ServiceProvider.GetRequiredService<RelatedLinkResolver>().ResolveAsync(block))!;
        var target = (await content.GetAsync(targetId))!.As<ArticlePart>();
        resolved.Href.ShouldBe($"/world/{target.Slug}");
        resolved.Headline.ShouldBe("The target story, updated");
        resolved.Label.ShouldBe("Read");
        resolved.IsExternal.ShouldBeFalse();
    }

    [Fact]
    public async Task Article_bylines_are_indexed_in_credit_order_while_published()
    {
        const string kunal = "35198adcb83b5a74e6ebc6aeb06bdf4b";
        const string mirela = "811e4904004d173fc336c832df8f5a5f";
        var id = await fixture.WithContentAsync(async (content, _) =>
        {
            var item = await ContentSiteFixture.NewArticleAsync(content, "Two reporters");
            item.Alter<BylinesPart>(p => p.BylineIds = [mirela, kunal, mirela]);
            await content.CreateAsync(item, VersionOptions.Published);
            return item.ContentItemId;
        });

        await fixture.WithContentAsync(async (content, db) =>
        {
            var rows = await db.Set<ArticleBylineIndex>().Where(r => r.ArticleId == id).OrderBy(r => r.Position).ToListAsync();
            rows.Select(r => r.BylineId).ShouldBe([mirela, kunal]);
            await content.UnpublishAsync((await content.GetAsync(id, VersionOptions.Latest))!);
            (await db.Set<ArticleBylineIndex>().AnyAsync(r => r.ArticleId == id)).ShouldBeFalse();
        });
    }

    [Fact]
    public async Task Byline_slug_is_normalised_and_indexed()
    {
        var id = await fixture.WithContentAsync(async (content, _) =>
        {
            var item = await content.NewAsync("Byline");
            item.Alter<BylinePart>(p =>
            {
                p.Name = "  Ана Петрова ";
                p.Links = [new BylineLink { Label = "Site", Url = "https://example.com/ana" }];
            });
            await content.CreateAsync(item, VersionOptions.Published);
            return item.ContentItemId;
        });

        await fixture.WithContentAsync(async (content, db) =>
        {
            var row = await db.Set<BylineIndex>().SingleAsync(b => b.ContentItemId == id);
            row.Slug.ShouldBe("ana-petrova");
            row.Name.ShouldBe("Ана Петрова");
            (await content.GetAsync(id))!.DisplayText.ShouldBe("Ана Петрова");

            var duplicate = await content.NewAsync("Byline");
            duplicate.Alter<BylinePart>(p =>
            {
                p.Name = "Someone Else";
                p.Slug = "ana-petrova";
                p.Links = [new BylineLink { Label = "Bad", Url = "javascript:alert(1)" }];
            });
            var error = await Should.ThrowAsync<ContentValidationException>(() => content.CreateAsync(duplicate, VersionOptions.Published));
            error.Errors.ShouldContain(e => e.Field == "BylinePart.Slug");
            error.Errors.ShouldContain(e => e.Field == "BylinePart.Links[0].Url");
        });
    }
}
