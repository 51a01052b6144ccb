// TEMPORARY until the content branch lands: the content branch's handlers fill these index tables.
// Delete this file when merging; nothing else refers to it.
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Indexes;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;
using Newsroom.Modules;

namespace Newsroom.Bylines;

// TEMPORARY until the content branch lands
public sealed class TemporaryIndexingStartup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services) =>
        services.AddContentHandler<TemporaryBylineIndexing>();
}

// TEMPORARY until the content branch lands
internal sealed class TemporaryBylineIndexing(NewsroomDbContext db) : ContentHandler
{
    public override async Task PublishedAsync(PublishContentContext context)
    {
        var item = context.ContentItem;
        await RemoveAsync(item);
        if (item.ContentType == "Byline")
        {
            var byline = item.As<BylinePart>();
            db.Set<BylineIndex>().Add(new BylineIndex { ContentItemId = item.ContentItemId, Slug = byline.Slug, Name = byline.Name });
        }
        else if (item.ContentType == "Article")
        {
            var published = item.As<ArticlePart>().PublishedUtc ?? item.PublishedUtc ?? DateTime.UtcNow;
            var position = 0;
            foreach (var id in item.As<BylinesPart>().BylineIds)
            {
                db.Set<ArticleBylineIndex>().Add(new ArticleBylineIndex { ArticleId = item.ContentItemId, BylineId = id, Position = position++, PublishedUtc = published });
            }
        }

        await db.SaveChangesAsync();
    }

    public override Task UnpublishedAsync(PublishContentContext context) => RemoveAsync(context.ContentItem);

    public override Task RemovedAsync(ContentContext context) => RemoveAsync(context.ContentItem);

    private async Task RemoveAsync(ContentItem item)
    {
        if (item.ContentType == "Byline")
        {
            await db.Set<BylineIndex>().Where(x => x.ContentItemId == item.ContentItemId).ExecuteDeleteAsync();
        }
        else if (item.ContentType == "Article")
        {
            await db.Set<ArticleBylineIndex>().Where(x => x.ArticleId == item.ContentItemId).ExecuteDeleteAsync();
        }
    }
}
