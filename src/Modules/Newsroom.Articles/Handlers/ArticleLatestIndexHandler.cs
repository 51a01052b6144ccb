using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;

namespace Newsroom.Articles.Handlers;

/// <summary>Keeps <see cref="ArticleLatestIndex"/> (the section of each article's latest version) in the transaction of the write.</summary>
public sealed class ArticleLatestIndexHandler(NewsroomDbContext db) : LatestVersionHandler
{
    protected override async Task LatestRemovedAsync(ContentContext context)
    {
        if (!context.ContentItem.Has<ArticlePart>())
        {
            return;
        }

        if (await db.Set<ArticleLatestIndex>().FindAsync(context.ContentItem.ContentItemId) is { } row)
        {
            db.Set<ArticleLatestIndex>().Remove(row);
            await db.SaveChangesAsync();
        }
    }

    protected override async Task LatestChangedAsync(ContentContext context)
    {
        var item = context.ContentItem;
        if (ContentParts.Read<ArticlePart>(item) is not { } article)
        {
            return;
        }

        // A new item has no row yet (ContentContext.NewItem): no need to look for it.
        var row = context.NewItem ? null : await db.Set<ArticleLatestIndex>().FindAsync(item.ContentItemId);
        if (row is null)
        {
            row = new ArticleLatestIndex { ContentItemId = item.ContentItemId };
            db.Set<ArticleLatestIndex>().Add(row);
        }

        row.Section = article.Section;
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Fills the index from the latest version of every article not deleted, for databases that had
    /// articles before the index existed. Runs as a migration step (one transaction, under the migration
    /// lock), in pages so a large archive is never held in memory at once.
    /// </summary>
    internal static async Task BackfillAsync(NewsroomDbContext db, int pageSize = 500)
    {
        var added = new List<ArticleLatestIndex>();
        await foreach (var item in LatestItems.ReadAsync(db, pageSize))
        {
            if (ContentParts.Read<ArticlePart>(item) is not { } article)
            {
                continue;
            }

            var row = new ArticleLatestIndex { ContentItemId = item.ContentItemId, Section = article.Section };
            db.Set<ArticleLatestIndex>().Add(row);
            added.Add(row);
            if (added.Count >= pageSize)
            {
                await FlushAsync(db, added);
            }
        }

        await FlushAsync(db, added);
    }

    private static async Task FlushAsync(NewsroomDbContext db, List<ArticleLatestIndex> added)
    {
        await db.SaveChangesAsync();
        // Detach only our rows: the migration runner still tracks its own version record in this context.
        foreach (var row in added)
        {
            db.Entry(row).State = EntityState.Detached;
        }

        added.Clear();
    }
}
