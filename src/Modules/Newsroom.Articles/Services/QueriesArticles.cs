using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Caching;
using Newsroom.Data;

namespace Newsroom.Articles.Services;

/// <summary>
/// The public site's reads: only index tables (rows exist for published articles only) and
/// published content versions, so a draft can never reach a reader. What every page asks for is
/// shared between requests through <see cref="IPublishedCache"/> (dropped on any publish) and, within a
/// request, remembered per scope.
/// </summary>
public sealed class ArticleQueries(NewsroomDbContext db, IContentManager contentManager, IPublishedCache cache)
{
    public const int PageSize = 10;

    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ArticleRoute?> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ArticleIndex?> _articles = new(StringComparer.Ordinal);

    private IQueryable<ArticleIndex> Articles => db.Set<ArticleIndex>().AsNoTracking();

    /// <summary>Newest first; <paramref name="section"/> null for every section.</summary>
    public async Task<Page<ArticleIndex>> LatestAsync(int page, int pageSize = PageSize, string? section = null, CancellationToken cancellationToken = default)
    {
        // Counting a section reads its whole index (100,000 rows for the home page at 100,000 articles).
        // Queries are made only when the cache misses: the first db.Set of a request sets up EF's
        // services for the context, a tenth of the home page's CPU when both answers are cached.
        var total = await cache.GetOrAddAsync($"articles:count:{section}", c => InSection(section).CountAsync(c), cancellationToken: cancellationToken);
        return await cache.GetOrAddAsync(
            $"articles:page:{section}:{pageSize}:{page}",
            c => PageAsync(InSection(section), total, page, pageSize, c),
            pageSize * PublishedCacheSettings.DefaultEntrySize,
            cancellationToken);
    }

    /// <summary>
    /// The newest <paramref name="count"/> articles, without the page count: rails and blocks need no
    /// pager, and counting a section reads its whole index (20,000 rows at 100,000 articles) per request.
    /// </summary>
    public Task<IReadOnlyList<ArticleIndex>> TopAsync(int count, string? section = null, CancellationToken cancellationToken = default) =>
        cache.GetOrAddAsync<IReadOnlyList<ArticleIndex>>(
            $"articles:top:{section}:{count}",
            async c => await Newest(InSection(section)).Take(count).ToListAsync(c),
            count * PublishedCacheSettings.DefaultEntrySize,
            cancellationToken);

    public Task<Page<ArticleIndex>> ByTagAsync(string tagSlug, int page, int pageSize = PageSize, CancellationToken cancellationToken = default) =>
        cache.GetOrAddAsync(
            $"articles:tag:{tagSlug}:{pageSize}:{page}",
            async c =>
            {
                var ids = db.Set<ArticleTagIndex>().AsNoTracking().Where(t => t.TagSlug == tagSlug).Select(t => t.ContentItemId);
                var query = Articles.Where(a => ids.Contains(a.ContentItemId));
                return await PageAsync(query, await query.CountAsync(c), page, pageSize, c);
            },
            pageSize * PublishedCacheSettings.DefaultEntrySize,
            cancellationToken);

    /// <summary>The tag's display name as editors wrote it, or null when no published article has the tag.</summary>
    public Task<string?> TagNameAsync(string tagSlug, CancellationToken cancellationToken = default) =>
        cache.GetOrAddAsync(
            "articles:tag-name:" + tagSlug,
            c => db.Set<ArticleTagIndex>().AsNoTracking().Where(t => t.TagSlug == tagSlug).Select(t => t.Tag).FirstOrDefaultAsync(c),
            cancellationToken: cancellationToken);

    /// <summary>Published articles by id, in the order of <paramref name="ids"/> (unpublished ones are left out); one query for those not read yet.</summary>
    public async Task<IReadOnlyList<ArticleIndex>> ByIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        var missing = ids.Where(id => !_articles.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var read = await cache.GetManyAsync(
                missing,
                IndexKey,
                async (unknown, c) => (unknown.Count == 1
                        ? await Articles.Where(a => a.ContentItemId == unknown[0]).ToListAsync(c)
                        : await Articles.Where(a => unknown.Contains(a.ContentItemId)).ToListAsync(c))
                    .ToDictionary(a => a.ContentItemId, StringComparer.Ordinal),
                cancellationToken: cancellationToken);
            foreach (var (id, row) in read)
            {
                _articles[id] = row;
            }
        }

        return ids.Select(id => _articles.GetValueOrDefault(id)).OfType<ArticleIndex>().ToList();
    }

    /// <summary>The published article's index row, or null (the Redirects middleware, the article page and related links all ask).</summary>
    public async Task<ArticleIndex?> FindAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var found = await ByIdsAsync([contentItemId], cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    private static string IndexKey(string contentItemId) => "articles:index:" + contentItemId;

    /// <summary>Which article a public path belongs to, and whether it is the article's current path; read once per scope.</summary>
    public async Task<ArticleRoute?> FindRouteAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!ArticleRoutes.CouldBeArticlePath(path))
        {
            return null; // the home and list pages: a query per request for a route no article can have
        }

        if (!_routes.TryGetValue(path, out var route))
        {
            // Paths nobody has (a scanner's guesses) are not kept: they would push out the real ones.
            var token = await cache.BeginAsync(cancellationToken);
            var key = "articles:route:" + path;
            if (token is not { } t || !cache.TryGet(t, key, out route))
            {
                route = await db.Set<ArticleRoute>().AsNoTracking().FirstOrDefaultAsync(r => r.Path == path, cancellationToken);
                if (route is not null && token is { } current)
                {
                    cache.Set(current, key, route);
                }
            }

            _routes[path] = route;
        }

        return route;
    }

    /// <summary>The current public path of each published article (cached for the request).</summary>
    public async Task<IReadOnlyDictionary<string, string>> PathsAsync(IEnumerable<string> contentItemIds, CancellationToken cancellationToken = default)
    {
        var missing = await RoutePathsAsync(contentItemIds, cancellationToken);
        if (missing.Count > 0)
        {
            foreach (var article in await Articles.Where(a => missing.Contains(a.ContentItemId)).ToListAsync(cancellationToken))
            {
                RememberConventionalPath(article);
            }
        }

        return _paths;
    }

    /// <summary>
    /// The same for index rows the caller already has: the conventional-address fallback comes from
    /// the rows, so it costs no second query.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> PathsAsync(IReadOnlyCollection<ArticleIndex> articles, CancellationToken cancellationToken = default)
    {
        var missing = await RoutePathsAsync(articles.Select(a => a.ContentItemId), cancellationToken);
        foreach (var article in articles)
        {
            if (missing.Contains(article.ContentItemId))
            {
                RememberConventionalPath(article);
            }
        }

        return _paths;
    }

    /// <summary>Records a path the caller has just read from <c>ArticleRoutes</c> (the article page's own), so drivers do not look it up again.</summary>
    public void RememberCurrentPath(ArticleRoute route)
    {
        if (route.IsCurrent)
        {
            _paths[route.ContentItemId] = route.Path;
        }
    }

    /// <summary>Reads the current route rows of the ids not cached yet; returns the ids that have none.</summary>
    private async Task<List<string>> RoutePathsAsync(IEnumerable<string> contentItemIds, CancellationToken cancellationToken)
    {
        var missing = contentItemIds.Where(id => !_paths.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return missing;
        }

        // Cached per id, null for an article without a route row (it then has its conventional address).
        var read = await cache.GetManyAsync(
            missing,
            PathKey,
            async (unknown, c) =>
            {
                var paths = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var route in await db.Set<ArticleRoute>().AsNoTracking().Where(r => r.IsCurrent && unknown.Contains(r.ContentItemId)).ToListAsync(c))
                {
                    paths[route.ContentItemId] = route.Path;
                }

                return paths;
            },
            _ => 128,
            cancellationToken);
        foreach (var (id, path) in read)
        {
            if (path is not null)
            {
                _paths[id] = path;
            }
        }

        missing.RemoveAll(_paths.ContainsKey);
        return missing;
    }

    private static string PathKey(string contentItemId) => "articles:path:" + contentItemId;

    // An article indexed without a route row still has its conventional address.
    private void RememberConventionalPath(ArticleIndex article) => _paths.TryAdd(article.ContentItemId, PathOf(article.Section, article.Slug));

    /// <summary>
    /// The current public path of one published article. Summary drivers ask this for every item of a
    /// list whose paths <see cref="PathsAsync(IReadOnlyCollection{ArticleIndex}, CancellationToken)"/>
    /// has already read, so a known path is answered without a lookup list or a task.
    /// </summary>
    public ValueTask<string?> PathAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        _paths.TryGetValue(contentItemId, out var known)
            ? ValueTask.FromResult<string?>(known)
            : new ValueTask<string?>(ReadPathAsync(contentItemId, cancellationToken));

    private async Task<string?> ReadPathAsync(string contentItemId, CancellationToken cancellationToken) =>
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

    private static async Task<Page<ArticleIndex>> PageAsync(IQueryable<ArticleIndex> query, int total, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var items = await Newest(query).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<ArticleIndex>(items, page, pageSize, total);
    }

    private IQueryable<ArticleIndex> InSection(string? section) => section is null ? Articles : Articles.Where(a => a.Section == section);

    // The order of IX_ArticleIndex_Published / IX_ArticleIndex_Section: read in index order, no sort.
    private static IQueryable<ArticleIndex> Newest(IQueryable<ArticleIndex> query) =>
        query.OrderByDescending(a => a.PublishedUtc).ThenByDescending(a => a.ContentItemId);
}

/// <summary>One page of a list, with what paging links need.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int Total)
{
    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);

    public bool HasPrevious => Number > 1;

    public bool HasNext => Number < PageCount;
}
