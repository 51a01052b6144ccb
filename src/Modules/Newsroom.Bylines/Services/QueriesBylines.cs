using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Services;
using Newsroom.Bylines.Indexes;
using Newsroom.Data;

namespace Newsroom.Bylines.Services;

/// <summary>Public reads about bylines: index rows of published bylines and articles only.</summary>
public sealed class BylineQueries(NewsroomDbContext db)
{
    public Task<BylineIndex?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        db.Set<BylineIndex>().AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);

    /// <summary>Published bylines by id (ids of unpublished bylines are left out).</summary>
    public async Task<IReadOnlyDictionary<string, BylineIndex>> ByIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        await db.Set<BylineIndex>().AsNoTracking().Where(b => ids.Contains(b.ContentItemId)).ToDictionaryAsync(b => b.ContentItemId, cancellationToken);

    /// <summary>The published articles crediting a byline, newest first.</summary>
    public async Task<Page<ArticleIndex>> ArticlesAsync(string bylineId, int page, int pageSize = ArticleQueries.PageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var articleIds = db.Set<ArticleBylineIndex>().Where(x => x.BylineId == bylineId).Select(x => x.ArticleId);
        var query = db.Set<ArticleIndex>().AsNoTracking().Where(a => articleIds.Contains(a.ContentItemId));
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.PublishedUtc).ThenByDescending(a => a.ContentItemId)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<ArticleIndex>(items, page, pageSize, total);
    }
}
