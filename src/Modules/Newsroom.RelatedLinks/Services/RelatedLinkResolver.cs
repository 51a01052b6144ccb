using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Services;
using Newsroom.Data;
using Newsroom.RelatedLinks.Models;

namespace Newsroom.RelatedLinks.Services;

/// <summary>Where a related link goes and what it says, as a reader sees it.</summary>
public sealed record ResolvedRelatedLink(string Label, string Headline, string Href, bool IsExternal);

/// <summary>
/// Resolves related links for display. Internal targets are looked up by content item id in the
/// published-article index, so a link follows its target through slug and section changes, and its
/// headline follows the target's unless the link overrides it. Links to unpublished targets resolve to null.
/// </summary>
public sealed class RelatedLinkResolver(NewsroomDbContext db)
{
    private readonly Dictionary<string, ArticleIndex?> _articles = new(StringComparer.Ordinal);

    /// <summary>Resolves many links with one query; the result is in the same order (null for a link to hide).</summary>
    public async Task<IReadOnlyList<ResolvedRelatedLink?>> ResolveAsync(IReadOnlyList<RelatedLinkBlock> links, CancellationToken cancellationToken = default)
    {
        var missing = links.Select(l => l.TargetContentItemId).OfType<string>().Where(id => !_articles.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var rows = await db.Set<ArticleIndex>().AsNoTracking().Where(a => missing.Contains(a.ContentItemId)).ToListAsync(cancellationToken);
            foreach (var id in missing)
            {
                _articles[id] = rows.Find(r => r.ContentItemId == id);
            }
        }

        return links.Select(Resolve).ToList();
    }

    public async Task<ResolvedRelatedLink?> ResolveAsync(RelatedLinkBlock link, CancellationToken cancellationToken = default) =>
        (await ResolveAsync([link], cancellationToken))[0];

    private ResolvedRelatedLink? Resolve(RelatedLinkBlock link)
    {
        var label = string.IsNullOrWhiteSpace(link.Label) ? RelatedLinkBlock.DefaultLabel : link.Label;
        if (link.TargetContentItemId is { } id)
        {
            return _articles.GetValueOrDefault(id) is { } article
                ? new ResolvedRelatedLink(label, link.Headline ?? article.Headline, ArticleRoutes.PathFor(article.Section, article.Slug), false)
                : null;
        }

        return UrlRules.IsHttpUrl(link.Url)
            ? new ResolvedRelatedLink(label, link.Headline ?? link.Url!, link.Url!, true)
            : null;
    }
}
