using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Records;
using Newsroom.Data;

namespace Newsroom.Articles.Services;

/// <summary>
/// The latest version of every content item that is not deleted, read page by page in record (row id) order, for the
/// one-time backfills of latest-version indexes (they run in a migration step, before any handler has
/// seen those items). Reads the records directly: only the id, type and JSON are needed.
/// </summary>
public static class LatestItems
{
    public static async IAsyncEnumerable<ContentItem> ReadAsync(NewsroomDbContext db, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = 0L;
        while (true)
        {
            var last = after;
            var page = await db.Set<ContentItemRecord>().AsNoTracking()
                .Where(r => r.Latest && !r.Deleted && r.Id > last)
                .OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.ContentItemId, r.ContentType, r.Data })
                .Take(pageSize)
                .ToListAsync(cancellationToken);
            foreach (var r in page)
            {
                var item = new ContentItem { ContentItemId = r.ContentItemId, ContentType = r.ContentType };
                item.LoadContent(r.Data);
                yield return item;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    /// <summary>
    /// Adds the rows <paramref name="rowsOf"/> gives for each latest item, saving every
    /// <paramref name="pageSize"/> rows so a large archive is never held in memory at once.
    /// </summary>
    public static async Task BackfillAsync<TRow>(NewsroomDbContext db, Func<ContentItem, IEnumerable<TRow>> rowsOf, int pageSize = 500)
        where TRow : class
    {
        var added = new List<TRow>();
        await foreach (var item in ReadAsync(db, pageSize))
        {
            foreach (var row in rowsOf(item))
            {
                db.Set<TRow>().Add(row);
                added.Add(row);
            }

            if (added.Count >= pageSize)
            {
                await FlushAsync(db, added);
            }
        }

        await FlushAsync(db, added);
    }

    private static async Task FlushAsync<TRow>(NewsroomDbContext db, List<TRow> added)
        where TRow : class
    {
        await db.SaveChangesAsync();
        // Detach only these rows: the migration runner still tracks its own version record in this context.
        foreach (var row in added)
        {
            db.Entry(row).State = EntityState.Detached;
        }

        added.Clear();
    }
}
