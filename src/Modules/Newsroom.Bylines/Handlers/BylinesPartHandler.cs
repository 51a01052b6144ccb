using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.Bylines.Indexes;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;

namespace Newsroom.Bylines.Handlers;

/// <summary>
/// The bylines credited on an article: each id must be an existing Byline item (a recipe or an API
/// call naming a missing byline is refused with <c>BylinesPart.BylineIds</c>). Keeps
/// ArticleBylineIndex (credit order) for published articles.
/// </summary>
public sealed class BylinesPartHandler(NewsroomDbContext db, IServiceProvider services, TimeProvider clock) : ContentHandler
{
    // Resolved when used: the content manager itself depends on the handlers.
    private IContentManager Contents => services.GetRequiredService<IContentManager>();

    /// <summary>Checks every byline the batch credits at once; each item's check below then reads it back.</summary>
    public override async Task ImportingAsync(ImportContext context) =>
        await Contents.GetLatestTypesAsync(context.Items.SelectMany(BylineIds));

    private static IEnumerable<string> BylineIds(ContentItem item) =>
        (item.Peek<BylinesPart>()?.BylineIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim());

    public override async Task ValidatingAsync(ValidateContentContext context)
    {
        if (context.Part<BylinesPart>() is not { } part)
        {
            return;
        }

        part.BylineIds = part.BylineIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (part.BylineIds.Count > 0)
        {
            var types = await Contents.GetLatestTypesAsync(part.BylineIds);
            foreach (var missing in part.BylineIds.Where(id => types.GetValueOrDefault(id) != "Byline"))
            {
                context.Fail("BylinesPart.BylineIds", $"byline '{missing}' does not exist.");
            }
        }
    }

    public override async Task PublishedAsync(PublishContentContext context)
    {
        var item = context.ContentItem;
        if (!item.Has<ArticlePart>() && !item.Has<BylinesPart>())
        {
            return;
        }

        if (!context.NewItem)
        {
            await RemoveAsync(item.ContentItemId);
        }

        var part = ContentParts.Read<BylinesPart>(item);
        var article = ContentParts.Read<ArticlePart>(item);
        var publishedUtc = article?.PublishedUtc ?? item.PublishedUtc ?? clock.GetUtcNow().UtcDateTime;
        var position = 0;
        foreach (var bylineId in part?.BylineIds ?? [])
        {
            db.AddRow(
                new ArticleBylineIndex
                {
                    ArticleId = item.ContentItemId,
                    BylineId = bylineId,
                    Position = position++,
                    PublishedUtc = publishedUtc,
                },
                insertOnly: context.NewItem);
        }
    }

    public override Task UnpublishedAsync(PublishContentContext context) => RemoveIndexedAsync(context.ContentItem);

    public override Task RemovedAsync(ContentContext context) => RemoveIndexedAsync(context.ContentItem);

    private async Task RemoveIndexedAsync(ContentItem item)
    {
        if (!item.Has<BylinesPart>())
        {
            return;
        }

        await RemoveAsync(item.ContentItemId);
    }

    private async Task RemoveAsync(string articleId) =>
        db.Set<ArticleBylineIndex>().RemoveRange(await db.Set<ArticleBylineIndex>().Where(a => a.ArticleId == articleId).ToListAsync());
}
