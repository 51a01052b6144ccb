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
            db.AddRow(row, insertOnly: context.NewItem);
        }

        row.Section = article.Section;
    }

    /// <summary>Fills the index for databases that had articles before it existed (a migration step).</summary>
    internal static Task BackfillAsync(NewsroomDbContext db) =>
        LatestItems.BackfillAsync(db, item => ContentParts.Read<ArticlePart>(item) is { } article
            ? [new ArticleLatestIndex { ContentItemId = item.ContentItemId, Section = article.Section }]
            : Array.Empty<ArticleLatestIndex>());
}
