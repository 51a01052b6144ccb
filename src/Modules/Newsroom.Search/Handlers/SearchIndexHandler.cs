using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.Bylines.Indexes;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;
using Newsroom.Search.Services;

namespace Newsroom.Search.Handlers;

/// <summary>
/// Keeps the search table equal to the published articles, in the transaction of the change: a
/// published article is (re)indexed, an unpublished or removed one is dropped, and a byline's new
/// name reaches every article that credits it. Drafts are never indexed.
/// </summary>
internal sealed class SearchIndexHandler(NewsroomDbContext db, IServiceProvider services) : ContentHandler
{
    // Resolved when used: the content manager itself depends on the handlers.
    private IContentManager Contents => services.GetRequiredService<IContentManager>();

    /// <summary>Reads every byline the batch's articles credit at once (the content manager remembers them for the transaction).</summary>
    public override async Task ImportingAsync(ImportContext context) =>
        await Contents.GetManyAsync(
            context.Items.Where(i => i.Published && i.Has<ArticlePart>()).SelectMany(i => i.Peek<BylinesPart>()?.BylineIds ?? []),
            VersionOptions.Published);

    public override async Task PublishedAsync(PublishContentContext context)
    {
        var item = context.ContentItem;
        if (item.Has<ArticlePart>())
        {
            await IndexAsync(item, replacing: null, newItem: context.NewItem);
        }
        else if (item.Has<BylinePart>())
        {
            var articleIds = await db.Set<ArticleBylineIndex>().AsNoTracking()
                .Where(b => b.BylineId == item.ContentItemId).Select(b => b.ArticleId).Distinct().ToListAsync();
            foreach (var article in await Contents.GetManyAsync(articleIds, VersionOptions.Published))
            {
                await IndexAsync(article, replacing: item);
            }
        }
    }

    public override Task UnpublishedAsync(PublishContentContext context) => DropAsync(context.ContentItem);

    public override Task RemovedAsync(ContentContext context) => DropAsync(context.ContentItem);

    /// <param name="newItem">The article did not exist before this write: it has no search row to delete.</param>
    private async Task IndexAsync(ContentItem article, ContentItem? replacing, bool newItem = false)
    {
        var ids = article.Get<BylinesPart>(nameof(BylinesPart))?.BylineIds ?? [];
        var bylines = (await Contents.GetManyAsync(ids.Where(id => id != replacing?.ContentItemId), VersionOptions.Published))
            .ToDictionary(b => b.ContentItemId, StringComparer.Ordinal);
        if (replacing is not null)
        {
            bylines[replacing.ContentItemId] = replacing;
        }

        var document = SearchDocument.From(article, ids.Where(bylines.ContainsKey).Select(id => bylines[id].Get<BylinePart>(nameof(BylinePart))).OfType<BylinePart>());
        if (!newItem)
        {
            await DeleteAsync(article.ContentItemId);
        }

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ArticleSearch" ("ContentItemId", "Headline", "Dek", "Body", "Bylines")
            VALUES ({document.ContentItemId}, {document.Headline}, {document.Dek}, {document.Body}, {document.Bylines})
            """);
    }

    private async Task DropAsync(ContentItem item)
    {
        if (item.Has<ArticlePart>())
        {
            await DeleteAsync(item.ContentItemId);
        }
    }

    private Task<int> DeleteAsync(string contentItemId) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "ArticleSearch" WHERE "ContentItemId" = {contentItemId}""");
}
