using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Indexes;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;

namespace Newsroom.Reach.Tests.Support;

/// <summary>
/// TEST ONLY. Keeps ArticleIndex, ArticleTagIndex, ArticleRoutes, BylineIndex and ArticleBylineIndex
/// the way the content branch's handlers will (published rows only; routes survive unpublishing and
/// former paths stay with IsCurrent = false). Written as replace-all so it stays correct if the real
/// handlers also run.
/// </summary>
internal sealed partial class TestIndexHandler(NewsroomDbContext db) : ContentHandler
{
    public override async Task PublishedAsync(PublishContentContext context)
    {
        var item = context.ContentItem;
        if (item.Has<ArticlePart>())
        {
            await IndexArticleAsync(item);
        }
        else if (item.Has<BylinePart>())
        {
            var byline = item.As<BylinePart>();
            await db.Set<BylineIndex>().Where(b => b.ContentItemId == item.ContentItemId).ExecuteDeleteAsync();
            db.Add(new BylineIndex { ContentItemId = item.ContentItemId, Name = byline.Name, Slug = byline.Slug });
            await db.SaveChangesAsync();
        }
    }

    public override Task UnpublishedAsync(PublishContentContext context) => DropAsync(context.ContentItem);

    public override Task RemovedAsync(ContentContext context) => DropAsync(context.ContentItem);

    private async Task IndexArticleAsync(ContentItem item)
    {
        var id = item.ContentItemId;
        var article = item.As<ArticlePart>();
        var published = article.PublishedUtc ?? item.PublishedUtc ?? DateTime.UtcNow;
        await DropRowsAsync(id);
        db.Add(new ArticleIndex
        {
            ContentItemId = id,
            ContentItemVersionId = item.ContentItemVersionId,
            Slug = article.Slug,
            Section = article.Section,
            Headline = article.Headline,
            Dek = article.Dek,
            LeadImageSrc = item.As<LeadImagePart>().Src,
            PublishedUtc = published,
            UpdatedUtc = article.UpdatedUtc ?? item.ModifiedUtc ?? published,
        });
        foreach (var tag in article.Tags.Distinct())
        {
            db.Add(new ArticleTagIndex { ContentItemId = id, Tag = tag, TagSlug = Slug(tag), PublishedUtc = published });
        }

        var position = 0;
        foreach (var bylineId in item.As<BylinesPart>().BylineIds)
        {
            db.Add(new ArticleBylineIndex { ArticleId = id, BylineId = bylineId, Position = position++, PublishedUtc = published });
        }

        var path = "/" + article.Section + "/" + article.Slug;
        var routes = await db.Set<ArticleRoute>().Where(r => r.ContentItemId == id || r.Path == path).ToListAsync();
        foreach (var route in routes)
        {
            route.IsCurrent = route.Path == path;
            route.ContentItemId = id;
        }

        if (!routes.Any(r => r.Path == path))
        {
            db.Add(new ArticleRoute { Path = path, ContentItemId = id, IsCurrent = true, CreatedUtc = DateTime.UtcNow });
        }

        await db.SaveChangesAsync();
    }

    private async Task DropAsync(ContentItem item)
    {
        if (item.Has<ArticlePart>())
        {
            await DropRowsAsync(item.ContentItemId);
        }
        else if (item.Has<BylinePart>())
        {
            await db.Set<BylineIndex>().Where(b => b.ContentItemId == item.ContentItemId).ExecuteDeleteAsync();
        }
    }

    private async Task DropRowsAsync(string id)
    {
        await db.Set<ArticleIndex>().Where(a => a.ContentItemId == id).ExecuteDeleteAsync();
        await db.Set<ArticleTagIndex>().Where(a => a.ContentItemId == id).ExecuteDeleteAsync();
        await db.Set<ArticleBylineIndex>().Where(a => a.ArticleId == id).ExecuteDeleteAsync();
    }

    private static string Slug(string text) => NonWord().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
