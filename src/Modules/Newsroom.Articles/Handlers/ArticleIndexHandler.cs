using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;

namespace Newsroom.Articles.Handlers;

/// <summary>
/// Keeps ArticleIndex, ArticleTagIndex and ArticleRoutes in step with the published version, in the
/// transaction of the publish/unpublish/remove. Routes are never deleted: an old path answers 301 to
/// the current one, and the paths of an unpublished article answer 410.
/// </summary>
public sealed class ArticleIndexHandler(NewsroomDbContext db, ImportIndexReads indexReads, TimeProvider clock) : ContentHandler
{
    public override async Task PublishedAsync(PublishContentContext context)
    {
        var item = context.ContentItem;
        if (ContentParts.Read<ArticlePart>(item) is not { } article)
        {
            return;
        }

        var id = item.ContentItemId;
        var now = clock.GetUtcNow().UtcDateTime;
        var publishedUtc = article.PublishedUtc ?? item.PublishedUtc ?? now;
        var lead = ContentParts.Read<LeadImagePart>(item);

        // A new item has no rows yet (ContentContext.NewItem): no need to look for them, and its rows
        // are only inserted in this write (insert-only: no change tracking).
        var row = context.NewItem ? null : await db.Set<ArticleIndex>().FindAsync(id);
        if (row is null)
        {
            row = new ArticleIndex { ContentItemId = id };
            db.AddRow(row, insertOnly: context.NewItem);
        }

        row.ContentItemVersionId = item.ContentItemVersionId;
        row.Slug = article.Slug;
        indexReads.Indexed(db, id, row.Slug);
        row.Section = article.Section;
        row.Headline = article.Headline;
        row.Dek = article.Dek;
        row.LeadImageSrc = string.IsNullOrWhiteSpace(lead?.Src) ? null : lead.Src;
        row.PublishedUtc = publishedUtc;
        row.UpdatedUtc = article.UpdatedUtc ?? publishedUtc;

        if (!context.NewItem)
        {
            await RemoveTagsAsync(id);
        }

        foreach (var tag in article.Tags.DistinctBy(SlugGenerator.Normalize))
        {
            db.AddRow(
                new ArticleTagIndex
                {
                    ContentItemId = id,
                    Tag = tag,
                    TagSlug = SlugGenerator.Normalize(tag),
                    PublishedUtc = publishedUtc,
                },
                insertOnly: context.NewItem);
        }

        var path = ArticleRoutes.PathFor(article);
        // Asked even for a new item: the path may be an old route of another article.
        var routes = context.NewItem
            ? indexReads.HasNoRoute(db, path) ? [] : await db.Set<ArticleRoute>().Where(r => r.Path == path).ToListAsync()
            : await db.Set<ArticleRoute>().Where(r => r.ContentItemId == id || r.Path == path).ToListAsync();
        foreach (var old in routes.Where(r => r.ContentItemId == id && r.Path != path))
        {
            old.IsCurrent = false;
        }

        var current = routes.Find(r => r.Path == path);
        if (current is null)
        {
            db.AddRow(new ArticleRoute { Path = path, ContentItemId = id, IsCurrent = true, CreatedUtc = now }, insertOnly: context.NewItem);
            indexReads.RouteAdded(db, path);
        }
        else
        {
            // The path may have belonged to an article that no longer uses it: the live one takes it over.
            current.ContentItemId = id;
            current.IsCurrent = true;
        }
    }

    public override Task UnpublishedAsync(PublishContentContext context) => RemoveFromIndexAsync(context.ContentItem);

    public override Task RemovedAsync(ContentContext context) => RemoveFromIndexAsync(context.ContentItem);

    private async Task RemoveFromIndexAsync(ContentItem item)
    {
        if (!item.Has<ArticlePart>())
        {
            return;
        }

        var id = item.ContentItemId;
        var row = await db.Set<ArticleIndex>().FirstOrDefaultAsync(a => a.ContentItemId == id);
        if (row is not null)
        {
            db.Set<ArticleIndex>().Remove(row);
            indexReads.Removed(db, id);
        }

        await RemoveTagsAsync(id);
    }

    private async Task RemoveTagsAsync(string id) =>
        db.Set<ArticleTagIndex>().RemoveRange(await db.Set<ArticleTagIndex>().Where(t => t.ContentItemId == id).ToListAsync());
}
