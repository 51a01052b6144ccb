using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Services;
using Newsroom.Bylines.Indexes;
using Newsroom.ContentManagement.Caching;
using Newsroom.Data;

namespace Newsroom.Bylines.Services;

/// <summary>
/// Public reads about bylines: index rows of published bylines and articles only, shared between
/// requests through <see cref="IPublishedCache"/>.
/// </summary>
public sealed class BylineQueries(NewsroomDbContext db, IPublishedCache cache)
{
    public async Task<BylineIndex?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        // Slugs nobody has are not kept: they come from addresses anyone can type.
        var key = "bylines:slug:" + slug;
        var token = await cache.BeginAsync(cancellationToken);
        if (token is { } t && cache.TryGet(t, key, out BylineIndex? known))
        {
            return known;
        }

        var byline = await db.Set<BylineIndex>().AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (byline is not null && token is { } current)
        {
            cache.Set(current, key, byline);
        }

        return byline;
    }

    // Bylines read in this scope (request), null for ids that are not published: a list page
    // credits the same few people on many summaries, and BylinePrefetcher reads them all at once.
    private readonly Dictionary<string, BylineIndex?> _bylines = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads the bylines of <paramref name="ids"/> this request has not read yet, in one query (or
    /// from the published cache); <see cref="PublishedInOrderAsync"/> then answers from them.
    /// </summary>
    public async Task ReadAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        List<string>? missing = null;
        foreach (var id in ids)
        {
            if (!_bylines.ContainsKey(id))
            {
                // A repeated id is read once: GetManyAsync skips ids it has seen.
                (missing ??= []).Add(id);
            }
        }

        if (missing is null)
        {
            return;
        }

        var read = await cache.GetManyAsync(
            missing,
            IdKey,
            async (unknown, c) => await db.Set<BylineIndex>().AsNoTracking().Where(b => unknown.Contains(b.ContentItemId)).ToDictionaryAsync(b => b.ContentItemId, StringComparer.Ordinal, c),
            cancellationToken: cancellationToken);
        foreach (var (id, byline) in read)
        {
            _bylines[id] = byline;
        }
    }

    /// <summary>
    /// The published bylines of <paramref name="ids"/> in that order (unpublished ones left out). The
    /// credit line of every summary on a list page asks this for bylines the page has already read
    /// (<see cref="BylinePrefetcher"/>), so it answers from this request's bylines without a lookup.
    /// </summary>
    public async ValueTask<IReadOnlyList<BylineIndex>> PublishedInOrderAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        await ReadAsync(ids, cancellationToken);
        var found = new List<BylineIndex>(ids.Count);
        foreach (var id in ids)
        {
            if (_bylines.GetValueOrDefault(id) is { } byline)
            {
                found.Add(byline);
            }
        }

        return found;
    }

    /// <summary>The published articles crediting a byline, newest first.</summary>
    public Task<Page<ArticleIndex>> ArticlesAsync(string bylineId, int page, int pageSize = ArticleQueries.PageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        return cache.GetOrAddAsync(
            $"bylines:articles:{bylineId}:{pageSize}:{page}",
            async c =>
            {
                var articleIds = db.Set<ArticleBylineIndex>().Where(x => x.BylineId == bylineId).Select(x => x.ArticleId);
                var query = db.Set<ArticleIndex>().AsNoTracking().Where(a => articleIds.Contains(a.ContentItemId));
                var total = await query.CountAsync(c);
                var items = await query.OrderByDescending(a => a.PublishedUtc).ThenByDescending(a => a.ContentItemId)
                    .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(c);
                return new Page<ArticleIndex>(items, page, pageSize, total);
            },
            pageSize * PublishedCacheSettings.DefaultEntrySize,
            cancellationToken);
    }

    private static string IdKey(string contentItemId) => "bylines:index:" + contentItemId;
}
