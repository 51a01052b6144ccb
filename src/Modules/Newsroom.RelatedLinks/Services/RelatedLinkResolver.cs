using Newsroom.Articles.Indexes;
using Newsroom.Articles.Services;
using Newsroom.RelatedLinks.Models;

namespace Newsroom.RelatedLinks.Services;

/// <summary>Where a related link goes and what it says, as a reader sees it.</summary>
public sealed record ResolvedRelatedLink(string Label, string Headline, string Href, bool IsExternal);

/// <summary>
/// Resolves related links for display. Internal targets are looked up by content item id in the
/// published-article index, so a link follows its target through slug and section changes, and its
/// headline follows the target's unless the link overrides it. Links to unpublished targets resolve to null.
/// Scoped: what a request resolved is kept for the rest of it, so a body whose links were resolved
/// together (see <c>RelatedLinkPrefetch</c>) displays each of them without asking again.
/// </summary>
public sealed class RelatedLinkResolver(ArticleQueries articles)
{
    private readonly Dictionary<RelatedLinkBlock, ResolvedRelatedLink?> _resolved = new(ReferenceEqualityComparer.Instance);

    /// <summary>Resolves many links with one query; the result is in the same order (null for a link to hide).</summary>
    public async Task<IReadOnlyList<ResolvedRelatedLink?>> ResolveAsync(IReadOnlyList<RelatedLinkBlock> links, CancellationToken cancellationToken = default)
    {
        var targets = (await articles.ByIdsAsync(links.Select(l => l.TargetContentItemId).OfType<string>().Distinct().ToList(), cancellationToken))
            .ToDictionary(a => a.ContentItemId, StringComparer.Ordinal);
        var resolved = new List<ResolvedRelatedLink?>(links.Count);
        foreach (var link in links)
        {
            resolved.Add(_resolved[link] = Resolve(link, targets));
        }

        return resolved;
    }

    public async ValueTask<ResolvedRelatedLink?> ResolveAsync(RelatedLinkBlock link, CancellationToken cancellationToken = default) =>
        _resolved.TryGetValue(link, out var known) ? known : (await ResolveAsync([link], cancellationToken))[0];

    private static ResolvedRelatedLink? Resolve(RelatedLinkBlock link, Dictionary<string, ArticleIndex> targets)
    {
        var label = string.IsNullOrWhiteSpace(link.Label) ? RelatedLinkBlock.DefaultLabel : link.Label;
        if (link.TargetContentItemId is { } id)
        {
            return targets.GetValueOrDefault(id) is { } article
                ? new ResolvedRelatedLink(label, link.Headline ?? article.Headline, ArticleRoutes.PathFor(article.Section, article.Slug), false)
                : null;
        }

        return UrlRules.IsHttpUrl(link.Url)
            ? new ResolvedRelatedLink(label, link.Headline ?? link.Url!, link.Url!, true)
            : null;
    }
}
