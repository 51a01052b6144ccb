using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Services;
using Newsroom.Bylines.Indexes;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;

namespace Newsroom.Bylines.Handlers;

/// <summary>
/// A byline: name required, slug normalised and unique among published bylines (it is the author
/// page's address), links and photo only http(s) or site paths. Keeps BylineIndex for published bylines.
/// </summary>
public sealed class BylinePartHandler(NewsroomDbContext db) : ContentHandler
{
    public const int NameMaxLength = 200;

    public override async Task ValidatingAsync(ValidateContentContext context)
    {
        var item = context.ContentItem;
        if (context.Part<BylinePart>() is not { } part)
        {
            if (item.ContentType == "Byline")
            {
                context.Fail("BylinePart.Name", "is required.");
            }

            return;
        }

        part.Name = part.Name?.Trim() ?? "";
        if (part.Name.Length == 0)
        {
            context.Fail("BylinePart.Name", "is required.");
        }
        else if (part.Name.Length > NameMaxLength)
        {
            context.Fail("BylinePart.Name", $"is longer than {NameMaxLength} characters.");
        }

        var slug = SlugGenerator.Normalize(part.Slug);
        var generated = slug.Length == 0;
        if (generated)
        {
            slug = SlugGenerator.Normalize(part.Name);
            if (slug.Length == 0)
            {
                slug = SlugGenerator.FromId("byline", item.ContentItemId);
            }
        }

        if (context.Publishing)
        {
            // A local, not item.ContentItemId: EF reads a captured local directly, but compiles a
            // delegate on every call to evaluate a member of one.
            var id = item.ContentItemId;
            var taken = await db.Set<BylineIndex>().AnyAsync(b => b.Slug == slug && b.ContentItemId != id);
            if (taken && generated)
            {
                slug = SlugGenerator.WithIdSuffix(slug, item.ContentItemId);
            }
            else if (taken)
            {
                context.Fail("BylinePart.Slug", $"'{slug}' is already used by another byline.");
            }
        }

        part.Slug = slug;

        for (var i = 0; i < part.Links.Count; i++)
        {
            if (!UrlRules.IsHttpUrl(part.Links[i]?.Url))
            {
                context.Fail($"BylinePart.Links[{i}].Url", $"'{part.Links[i]?.Url}' is not an absolute http or https URL.");
            }
        }

        if (!string.IsNullOrEmpty(part.PhotoSrc) && !UrlRules.IsLocalOrHttpUrl(part.PhotoSrc))
        {
            context.Fail("BylinePart.PhotoSrc", $"'{part.PhotoSrc}' must be a path on this site (/media/...) or an http(s) URL.");
        }

        if (context.Errors.Count == 0 && item.DisplayText != part.Name)
        {
            item.DisplayText = part.Name;
        }
    }

    public override async Task PublishedAsync(PublishContentContext context)
    {
        var item = context.ContentItem;
        if (ContentParts.Read<BylinePart>(item) is not { } part)
        {
            return;
        }

        var row = context.NewItem ? null : await db.Set<BylineIndex>().FindAsync(item.ContentItemId);
        if (row is null)
        {
            row = new BylineIndex { ContentItemId = item.ContentItemId };
            db.AddRow(row, insertOnly: context.NewItem);
        }

        row.Slug = part.Slug;
        row.Name = part.Name;
    }

    public override Task UnpublishedAsync(PublishContentContext context) => RemoveAsync(context.ContentItem);

    public override Task RemovedAsync(ContentContext context) => RemoveAsync(context.ContentItem);

    private async Task RemoveAsync(ContentItem item)
    {
        if (!item.Has<BylinePart>())
        {
            return;
        }

        db.Set<BylineIndex>().RemoveRange(await db.Set<BylineIndex>().Where(b => b.ContentItemId == item.ContentItemId).ToListAsync());
    }
}
