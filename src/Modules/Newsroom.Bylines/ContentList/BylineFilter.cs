using Microsoft.EntityFrameworkCore;
using Newsroom.Bylines.Indexes;
using Newsroom.ContentManagement.Caching;
using Newsroom.ContentManagement.Queries;
using Newsroom.Contents.ContentList;
using Newsroom.Data;

namespace Newsroom.Bylines.ContentList;

/// <summary>
/// The content list's byline filter: a select of the published bylines (by slug, so the URL reads
/// <c>?byline=jane-doe</c>), matched against <see cref="ArticleLatestBylineIndex"/>, i.e. the articles
/// whose latest version (the one the list shows, published or not) credits that byline. The options
/// change only when a byline is published, unpublished or removed, so they come from the published
/// cache instead of a query on every page of the list.
/// </summary>
public sealed class BylineFilter(NewsroomDbContext db, IPublishedCache cache) : IContentListFilterProvider
{
    public const string Name = "byline";

    public async Task<IReadOnlyList<ContentListFilterControl>> GetControlsAsync(CancellationToken cancellationToken)
    {
        var bylines = await cache.GetOrAddAsync(
            "bylines:filter-options",
            c => db.Set<BylineIndex>().AsNoTracking()
                .OrderBy(b => b.Name).ThenBy(b => b.Slug)
                .Select(b => new ContentListFilterOption(b.Slug, b.Name))
                .ToListAsync(c),
            16 * 1024,
            cancellationToken);
        return [new(Name, "Byline", bylines, "All bylines")];
    }

    public ContentListRestriction? GetRestriction(IReadOnlyDictionary<string, string> values)
    {
        if (!values.TryGetValue(Name, out var slug))
        {
            return null;
        }

        var ids =
            from credit in db.Set<ArticleLatestBylineIndex>()
            join byline in db.Set<BylineIndex>() on credit.BylineId equals byline.ContentItemId
            where byline.Slug == slug
            select credit.ArticleId;
        return rows => rows.Where(r => ids.Contains(r.ContentItemId));
    }
}
