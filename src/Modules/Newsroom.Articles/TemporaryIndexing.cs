// TEMPORARY until the content branch lands: the content branch's handlers fill these index tables
// (with validation and slug rules). Delete this file when merging; nothing else refers to it.
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;
using Newsroom.Modules;

namespace Newsroom.Articles;

// TEMPORARY until the content branch lands
public sealed class TemporaryIndexingStartup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services) =>
        services.AddContentHandler<TemporaryArticleIndexing>();
}

// TEMPORARY until the content branch lands
internal sealed class TemporaryArticleIndexing(NewsroomDbContext db) : ContentHandler
{
    public override async Task PublishedAsync(PublishContentContext context)
    {
        var item = context.ContentItem;
        if (item.ContentType != "Article")
        {
            return;
        }

        await RemoveAsync(item.ContentItemId);
        var article = item.As<ArticlePart>();
        var published = article.PublishedUtc ?? item.PublishedUtc ?? DateTime.UtcNow;
        db.Set<ArticleIndex>().Add(new ArticleIndex
        {
            ContentItemId = item.ContentItemId,
            ContentItemVersionId = item.ContentItemVersionId,
            Slug = article.Slug,
            Section = article.Section,
            Headline = article.Headline,
            Dek = article.Dek,
            LeadImageSrc = item.As<LeadImagePart>().Src,
            PublishedUtc = published,
            UpdatedUtc = article.UpdatedUtc ?? published,
        });
        foreach (var tag in article.Tags.Distinct())
        {
            db.Set<ArticleTagIndex>().Add(new ArticleTagIndex { ContentItemId = item.ContentItemId, Tag = tag, TagSlug = Slug(tag), PublishedUtc = published });
        }

        var path = string.IsNullOrEmpty(article.Section) ? $"/news/{article.Slug}" : $"/{article.Section}/{article.Slug}";
        await db.Set<ArticleRoute>().Where(r => r.ContentItemId == item.ContentItemId).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsCurrent, false));
        var route = await db.Set<ArticleRoute>().FirstOrDefaultAsync(r => r.Path == path);
        if (route is null)
        {
            db.Set<ArticleRoute>().Add(new ArticleRoute { Path = path, ContentItemId = item.ContentItemId, IsCurrent = true, CreatedUtc = published });
        }
        else
        {
            route.IsCurrent = true;
        }

        await db.SaveChangesAsync();
    }

    public override Task UnpublishedAsync(PublishContentContext context) =>
        context.ContentItem.ContentType == "Article" ? RemoveAsync(context.ContentItem.ContentItemId) : Task.CompletedTask;

    public override Task RemovedAsync(ContentContext context) =>
        context.ContentItem.ContentType == "Article" ? RemoveAsync(context.ContentItem.ContentItemId) : Task.CompletedTask;

    private async Task RemoveAsync(string id)
    {
        await db.Set<ArticleIndex>().Where(x => x.ContentItemId == id).ExecuteDeleteAsync();
        await db.Set<ArticleTagIndex>().Where(x => x.ContentItemId == id).ExecuteDeleteAsync();
    }

    internal static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
