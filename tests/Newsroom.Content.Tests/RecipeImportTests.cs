using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Indexes;
using Newsroom.Bylines.Indexes;
using Newsroom.ContentManagement.Metadata;
using Newsroom.ContentManagement.Records;
using Newsroom.Data;
using Newsroom.Recipes;
using Newsroom.Testing;
using Shouldly;
using Xunit;

namespace Newsroom.Content.Tests;

/// <summary>The setup recipe on a real database: everything arrives, and running it again changes nothing.</summary>
public sealed class RecipeImportTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Newsroom_recipe_imports_and_a_second_import_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new NewsroomSite(database);
        using var client = site.CreateClient();

        var first = await SnapshotAsync(site);
        first.PublishedArticles.ShouldBe(19);
        first.ArticleIndex.ShouldBe(19);
        first.CurrentRoutes.ShouldBe(19);
        first.Tags.ShouldBeGreaterThan(19);
        first.Bylines.ShouldBe(7);
        first.ArticleBylines.ShouldBeGreaterThanOrEqualTo(19);
        first.AdSlots.ShouldBe(3);

        await using (var scope = site.CreateShellScope())
        {
            var definitions = scope.ServiceProvider.GetRequiredService<IContentDefinitionManager>();
            foreach (var (type, part) in new[] { ("Article", "ArticlePart"), ("Byline", "BylinePart"), ("RelatedLink", "RelatedLinkPart"), ("AdvertisementSlot", "AdvertisementSlotPart") })
            {
                (await definitions.GetTypeDefinitionAsync(type))!.HasPart(part).ShouldBeTrue();
            }

            var seed = await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Set<ArticleIndex>()
                .SingleAsync(a => a.ContentItemId == "04193ec5e9e682f0ddff909313cf75c1");
            seed.Section.ShouldBe("world");
            seed.PublishedUtc.ShouldBe(new DateTime(2020, 10, 3, 7, 31, 0, DateTimeKind.Utc));
        }

        var media = Path.Combine(database.DataPath, "media", "sample");
        Directory.GetFiles(media).Length.ShouldBe(18);
        using (var response = await client.GetAsync("/media/sample/karabakh-map.jpg"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
            (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBe((int)new FileInfo(Path.Combine(media, "karabakh-map.jpg")).Length);
        }

        await using (var scope = site.CreateShellScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<SetupService>();
            await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(await setup.FindSetupRecipeAsync(CancellationToken.None));
        }

        (await SnapshotAsync(site)).ShouldBe(first);
    }

    private sealed record Snapshot(
        int PublishedArticles, int ArticleIndex, int CurrentRoutes, int Routes, int Tags, int Bylines, int ArticleBylines, int AdSlots, string Versions);

    private static async Task<Snapshot> SnapshotAsync(NewsroomSite site)
    {
        await using var scope = site.CreateShellScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var records = db.Set<ContentItemRecord>().AsNoTracking();
        var versions = await records.OrderBy(r => r.ContentItemVersionId)
            .Select(r => r.ContentItemVersionId + ":" + r.Number + ":" + r.Latest + ":" + r.Published + ":" + r.ConcurrencyStamp)
            .ToListAsync();
        return new Snapshot(
            await records.CountAsync(r => r.ContentType == "Article" && r.Published),
            await db.Set<ArticleIndex>().CountAsync(),
            await db.Set<ArticleRoute>().CountAsync(r => r.IsCurrent),
            await db.Set<ArticleRoute>().CountAsync(),
            await db.Set<ArticleTagIndex>().CountAsync(),
            await db.Set<BylineIndex>().CountAsync(),
            await db.Set<ArticleBylineIndex>().CountAsync(),
            await records.CountAsync(r => r.ContentType == "AdvertisementSlot" && r.Published),
            string.Join(",", versions));
    }
}
