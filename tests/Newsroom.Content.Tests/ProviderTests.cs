using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Records;
using Newsroom.Data;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Content.Tests;

/// <summary>The handlers' index writes and refusals on both databases (instants, unique indexes, rollback).</summary>
public sealed class ProviderTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_refuse_and_move_an_article(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new NewsroomSite(database, recipe: "empty");
        using var client = site.CreateClient();

        await using (var scope = site.CreateShellScope())
        {
            var documents = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
            var settings = await documents.GetForUpdateAsync<SiteSettings>();
            settings.Sections = [new SectionSettings { Slug = "world", Name = "World" }];
            await documents.SaveAsync(settings);
        }

        await using (var scope = site.CreateShellScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var first = await ContentSiteFixture.NewArticleAsync(content, "Первая новость", slug: "");
            await content.CreateAsync(first, VersionOptions.Published);

            var second = await ContentSiteFixture.NewArticleAsync(content, "Second", slug: "pervaya-novost");
            var error = await Should.ThrowAsync<ContentValidationException>(() => content.CreateAsync(second, VersionOptions.Published));
            error.Errors.ShouldContain(e => e.Field == "ArticlePart.Slug");
            (await db.Set<ContentItemRecord>().CountAsync()).ShouldBe(1);

            var latest = (await content.GetAsync(first.ContentItemId, VersionOptions.Latest))!;
            latest.Alter<ArticlePart>(p => p.Slug = "first-news");
            await content.PublishAsync(latest);

            var routes = await db.Set<ArticleRoute>().AsNoTracking().OrderBy(r => r.Path).ToListAsync();
            routes.Select(r => (r.Path, r.IsCurrent)).ShouldBe([("/world/first-news", true), ("/world/pervaya-novost", false)]);
            var row = await db.Set<ArticleIndex>().AsNoTracking().SingleAsync();
            row.Slug.ShouldBe("first-news");
            row.PublishedUtc.Kind.ShouldNotBe(DateTimeKind.Local);
        }
    }
}
