using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.Bylines.Indexes;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;
using Newsroom.OutputCache.Services;

namespace Newsroom.OutputCache.Handlers;

/// <summary>
/// Evicts the pages that show an item when it is published, unpublished or removed: the item's own
/// pages, the lists it appears in (home, its sections, tags and bylines, before and after the
/// change), feeds and sitemaps; for a byline, every article page crediting it; and every page that
/// picked items of the item's type by rule (ad slots).
/// </summary>
internal sealed class CacheEvictionHandler(NewsroomDbContext db, CacheInvalidation invalidation) : ContentHandler
{
    public override Task PublishedAsync(PublishContentContext context) => InvalidateAsync(context.ContentItem, context.Previous, context.NewItem);

    public override Task UnpublishedAsync(PublishContentContext context) => InvalidateAsync(context.ContentItem, context.Previous);

    public override Task RemovedAsync(ContentContext context) => InvalidateAsync(context.ContentItem, null);

    /// <param name="newItem">
    /// The item was created in this write: its index rows (tags, bylines, routes) are the ones this
    /// version just wrote, already named from the version itself, so they are not read back.
    /// </param>
    private async Task InvalidateAsync(ContentItem item, ContentItem? previous, bool newItem = false)
    {
        var versions = new[] { item, previous }.OfType<ContentItem>().ToList();
        var tags = new List<string> { PublicPageCache.Item(item.ContentItemId), PublicPageCache.ContentType(item.ContentType) };
        var paths = new List<string>();

        if (versions.Any(v => v.Has<ArticlePart>()))
        {
            tags.AddRange([PublicPageCache.Home, PublicPageCache.Feeds, PublicPageCache.Sitemaps]);
            paths.AddRange(["/", "/feed", "/feed/atom", "/sitemap.xml", "/sitemaps/news.xml"]);
            foreach (var version in versions)
            {
                if (version.Get<ArticlePart>(nameof(ArticlePart)) is not { } article)
                {
                    continue;
                }

                if (!string.IsNullOrEmpty(article.Section))
                {
                    tags.Add(PublicPageCache.Section(article.Section));
                    paths.AddRange(["/" + article.Section, "/" + article.Section + "/feed"]);
                }

                if (!string.IsNullOrEmpty(article.Slug))
                {
                    paths.Add(ArticleRoutes.PathFor(article));
                }

                tags.AddRange(article.Tags.Select(t => PublicPageCache.Tag(SlugGenerator.Normalize(t))));
                tags.AddRange((version.Get<BylinesPart>(nameof(BylinesPart))?.BylineIds ?? []).Select(PublicPageCache.BylineList));
            }

            if (!newItem)
            {
                tags.AddRange((await db.Set<ArticleTagIndex>().AsNoTracking()
                    .Where(t => t.ContentItemId == item.ContentItemId).Select(t => t.TagSlug).ToListAsync())
                    .Select(PublicPageCache.Tag));
                tags.AddRange((await db.Set<ArticleBylineIndex>().AsNoTracking()
                    .Where(b => b.ArticleId == item.ContentItemId).Select(b => b.BylineId).ToListAsync())
                    .Select(PublicPageCache.BylineList));
                paths.AddRange(await db.Set<ArticleRoute>().AsNoTracking()
                    .Where(r => r.ContentItemId == item.ContentItemId).Select(r => r.Path).ToListAsync());
            }
        }

        if (versions.Any(v => v.Has<BylinePart>()))
        {
            tags.Add(PublicPageCache.Byline(item.ContentItemId));
            tags.Add(PublicPageCache.BylineList(item.ContentItemId));
            paths.AddRange(versions.Select(v => v.Get<BylinePart>(nameof(BylinePart))?.Slug).OfType<string>().Where(s => s.Length > 0).Select(s => "/author/" + s));

            // Pages tag the bylines they show, but an article page that did not is still found
            // through the index: its name is on every article crediting it.
            var articles = await db.Set<ArticleBylineIndex>().AsNoTracking()
                .Where(b => b.BylineId == item.ContentItemId).Select(b => b.ArticleId).Distinct().ToListAsync();
            tags.AddRange(articles.Select(PublicPageCache.Item));
            paths.AddRange(await db.Set<ArticleRoute>().AsNoTracking()
                .Where(r => articles.Contains(r.ContentItemId) && r.IsCurrent).Select(r => r.Path).ToListAsync());
        }

        await invalidation.InvalidateAsync(tags.Distinct(StringComparer.Ordinal), paths.Distinct(StringComparer.Ordinal));
    }
}
