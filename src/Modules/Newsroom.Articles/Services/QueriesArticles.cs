using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.ContentManagement;
using Newsroom.Data;

namespace Newsroom.Articles.Services;

/// <summary>
/// The public site's reads: only index tables (rows exist for published articles only) and
/// published content versions, so a draft can never reach a reader.
/// </summary>
public sealed class ArticleQueries(NewsroomDbContext db, IContentManager contentManager)
{
    public const int PageSize = 10;

    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);

    private IQueryable<ArticleIndex> Articles => db.Set<ArticleIndex>().AsNoTracking();

    /// <summary>Newest first; <paramref name="section"/> null for every section.</summary>
    public Task<Page<ArticleIndex>> LatestAsync(int page, int pageSize = PageSize, string? section = null, CancellationToken cancellationToken = default)
    {
        var query = section is null ? Articles : Articles.Where(a => a.Section == section);
        return PageAsync(query, page, pageSize, cancellationToken);
    }

    public async Task<Page<ArticleIndex>> ByTagAsync(string tagSlug, int page, int pageSize = PageSize, CancellationToken cancellationToken = default)
    {
        var ids = db.Set<ArticleTagIndex>().AsNoTracking().Where(t => t.TagSlug == tagSlug).Select(t => t.ContentItemId);
        return await PageAsync(Articles.Where(a => ids.Contains(a.ContentItemId)), page, pageSize, cancellationToken);
    }

    /// <summary>The tag's display name as editors wrote it, or null when no published article has the tag.</summary>
    public Task<string?> TagNameAsync(string tagSlug, CancellationToken cancellationToken = default) =>
        db.Set<ArticleTagIndex>().AsNoTracking().Where(t => t.TagSlug == tagSlug).Select(t => t.Tag).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Published articles by id, in the order of <paramref name="ids"/>.</summary>
    public async Task<IReadOnlyList<ArticleIndex>> ByIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        var rows = await Articles.Where(a => ids.Contains(a.ContentItemId)).ToDictionaryAsync(a => a.ContentItemId, cancellationToken);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    public Task<ArticleIndex?> FindAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        Articles.FirstOrDefaultAsync(a => a.ContentItemId == contentItemId, cancellationToken);

    /// <summary>Which article a public path belongs to, and whether it is the article's current path.</summary>
    public Task<ArticleRoute?> FindRouteAsync(string path, CancellationToken cancellationToken = default) =>
        db.Set<ArticleRoute>().AsNoTracking().FirstOrDefaultAsync(r => r.Path == path, cancellationToken);

    /// <summary>The current public path of each published article (cached for the request).</summary>
    public async Task<IReadOnlyDictionary<string, string>> PathsAsync(IEnumerable<string> contentItemIds, CancellationToken cancellationToken = default)
    {
        var missing = contentItemIds.Where(id => !_paths.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var routes = await db.Set<ArticleRoute>().AsNoTracking()
                .Where(r => r.IsCurrent && missing.Contains(r.ContentItemId))
                .Select(r => new { r.ContentItemId, r.Path })
                .ToListAsync(cancellationToken);
            foreach (var route in routes)
            {
                _paths[route.ContentItemId] = route.Path;
            }

            // An article indexed without a route row still has its conventional address.
            foreach (var article in await Articles.Where(a => missing.Contains(a.ContentItemId)).ToListAsync(cancellationToken))
            {
                _paths.TryAdd(article.ContentItemId, PathOf(article.Section, article.Slug));
            }
        }

        return _paths;
    }

    public async Task<string?> PathAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        (await PathsAsync([contentItemId], cancellationToken)).GetValueOrDefault(contentItemId);

    /// <summary>The published versions of <paramref name="ids"/>, in that order (unpublished ones are left out).</summary>
    public async Task<IReadOnlyList<ContentItem>> PublishedItemsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        var items = await contentManager.GetManyAsync(ids, VersionOptions.Published, cancellationToken);
        var byId = items.Where(i => i.Published).ToDictionary(i => i.ContentItemId);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    /// <summary><c>/{section}/{slug}</c>, or <c>/news/{slug}</c> for an article without a section.</summary>
    public static string PathOf(string? section, string slug) => ArticleRoutes.PathFor(section, slug);

    public static string PathOf(ArticlePart article) => PathOf(article.Section, article.Slug);

    private static async Task<Page<ArticleIndex>> PageAsync(IQueryable<ArticleIndex> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(a => a.PublishedUtc).ThenByDescending(a => a.ContentItemId)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new Page<ArticleIndex>(items, page, pageSize, total);
    }
}

/// <summary>One page of a list, with what paging links need.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int Total)
{
    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);

    public bool HasPrevious => Number > 1;

    public bool HasNext => Number < PageCount;
}
