using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Services;
using Newsroom.Data;

namespace Newsroom.Editorial.Pickers;

/// <summary>A published article as the related-link picker shows it.</summary>
public sealed record ArticleTarget(string Id, string Headline, string Path);

/// <summary>
/// What the related-link picker needs, read from the published-article index only (never the JSON of a
/// version), so drafts cannot be picked and a search stays one indexed query however big the site is.
/// </summary>
public sealed class ArticleTargets(NewsroomDbContext db)
{
    /// <summary>Suggestions per page: enough to choose from, small enough to answer as the editor types.</summary>
    public const int PageSize = 10;

    /// <summary>Published articles whose headline contains <paramref name="text"/> (any case), newest first.</summary>
    public async Task<IReadOnlyList<ArticleTarget>> SearchAsync(string? text, int page, CancellationToken cancellationToken = default)
    {
        var q = (text ?? "").Trim().ToLowerInvariant();
        var query = db.Set<ArticleIndex>().AsNoTracking();
        if (q.Length > 0)
        {
            query = query.Where(a => a.Headline.ToLower().Contains(q));
        }

        var rows = await query
            .OrderByDescending(a => a.PublishedUtc).ThenBy(a => a.ContentItemId)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.ContentItemId, a.Headline, a.Section, a.Slug })
            .ToListAsync(cancellationToken);
        return rows.Select(a => new ArticleTarget(a.ContentItemId, a.Headline, ArticleRoutes.PathFor(a.Section, a.Slug))).ToList();
    }

    /// <summary>The published ones among <paramref name="ids"/>, by id (pickers show headlines, not ids).</summary>
    public async Task<IReadOnlyDictionary<string, ArticleTarget>> FindAsync(IEnumerable<string?> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, ArticleTarget>();
        }

        var rows = await db.Set<ArticleIndex>().AsNoTracking()
            .Where(a => wanted.Contains(a.ContentItemId))
            .Select(a => new { a.ContentItemId, a.Headline, a.Section, a.Slug })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(a => a.ContentItemId, a => new ArticleTarget(a.ContentItemId, a.Headline, ArticleRoutes.PathFor(a.Section, a.Slug)), StringComparer.Ordinal);
    }
}
