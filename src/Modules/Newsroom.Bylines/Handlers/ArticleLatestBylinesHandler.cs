using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.Bylines.Indexes;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;

namespace Newsroom.Bylines.Handlers;

/// <summary>
/// Keeps <see cref="ArticleLatestBylineIndex"/> (the bylines of each article's latest version) in the
/// transaction of the write. Runs after <see cref="BylinesPartHandler"/>'s validation has trimmed and de-duplicated the
/// ids, so the (ArticleId, BylineId) key cannot repeat.
/// </summary>
public sealed class ArticleLatestBylinesHandler(NewsroomDbContext db) : LatestVersionHandler
{
    protected override async Task LatestRemovedAsync(ContentContext context)
    {
        if (!Indexed(context.ContentItem))
        {
            return;
        }

        await RemoveAsync(context.ContentItem.ContentItemId);
    }

    private static bool Indexed(ContentItem item) => item.Has<ArticlePart>() || item.Has<BylinesPart>();

    protected override async Task LatestChangedAsync(ContentContext context)
    {
        var item = context.ContentItem;
        if (!Indexed(item))
        {
            return;
        }

        if (context.NewItem)
        {
            // A new item has no rows yet (ContentContext.NewItem), and these are only inserted in this write.
            foreach (var row in Rows(item))
            {
                db.AddInsertOnly(row);
            }

            return;
        }

        var wanted = Rows(item).ToList();
        // Only the difference is written: deleting a row and adding one with the same key in one unit of
        // work would make EF track two instances of that key.
        var existing = await db.Set<ArticleLatestBylineIndex>().Where(a => a.ArticleId == item.ContentItemId).ToListAsync();
        var keep = wanted.Select(r => r.BylineId).ToHashSet(StringComparer.Ordinal);
        var have = existing.Select(r => r.BylineId).ToHashSet(StringComparer.Ordinal);
        db.Set<ArticleLatestBylineIndex>().RemoveRange(existing.Where(r => !keep.Contains(r.BylineId)));
        db.Set<ArticleLatestBylineIndex>().AddRange(wanted.Where(r => !have.Contains(r.BylineId)));
    }

    private static IEnumerable<ArticleLatestBylineIndex> Rows(ContentItem item) =>
        (ContentParts.Read<BylinesPart>(item)?.BylineIds ?? [])
        .Distinct(StringComparer.Ordinal)
        .Select(bylineId => new ArticleLatestBylineIndex { ArticleId = item.ContentItemId, BylineId = bylineId });

    private async Task RemoveAsync(string articleId) =>
        db.Set<ArticleLatestBylineIndex>().RemoveRange(await db.Set<ArticleLatestBylineIndex>().Where(a => a.ArticleId == articleId).ToListAsync());

    /// <summary>Fills the index for databases that had articles before it existed (a migration step).</summary>
    internal static Task BackfillAsync(NewsroomDbContext db) =>
        LatestItems.BackfillAsync(db, item => Indexed(item) ? Rows(item) : []);
}
