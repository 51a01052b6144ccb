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
}
