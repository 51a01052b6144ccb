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

    // Bylines read in this scope (request), null for ids that are not published: a list page
    // credits the same few people on many summaries, and BylinePrefetcher reads them all at once.
    private readonly Dictionary<string, BylineIndex?> _bylines = new(StringComparer.Ordinal);

    /// <summary>Published bylines by id (ids of unpublished bylines are left out); read once per request.</summary>
    public async Task<IReadOnlyDictionary<string, BylineIndex>> ByIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        var missing = ids.Where(id => !_bylines.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var rows = await db.Set<BylineIndex>().AsNoTracking().Where(b => missing.Contains(b.ContentItemId)).ToDictionaryAsync(b => b.ContentItemId, cancellationToken);
            foreach (var id in missing)
            {
                _bylines[id] = rows.GetValueOrDefault(id);
            }
        }

        var found = new Dictionary<string, BylineIndex>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (_bylines.GetValueOrDefault(id) is { } byline)
            {
                found[id] = byline;
            }
        }

        return found;
    }

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
