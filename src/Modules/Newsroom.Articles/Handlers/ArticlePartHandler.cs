using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;

namespace Newsroom.Articles.Handlers;

/// <summary>
/// Checks and normalises an article before any write: headline, slug, section, tags, lead image,
/// and the body blocks this module owns. Errors name the field (<c>ArticlePart.Slug</c>,
/// <c>BodyPart.Blocks[3].Url</c>) and abort the write; nothing is saved.
/// </summary>
public sealed class ArticlePartHandler(NewsroomDbContext db, IDocumentStore documents, ImportIndexReads indexReads, TimeProvider clock) : ContentHandler
{
    public const int TagMaxLength = 100;

    /// <summary>
    /// Reads at once who holds the slugs the batch's published articles ask for, and whether their
    /// paths have routes, instead of one query per article (here and in <see cref="ArticleIndexHandler"/>).
    /// Only in a batch that is all or nothing (see <see cref="ImportIndexReads"/>).
    /// </summary>
    public override Task ImportingAsync(ImportContext context)
    {
        if (!context.AllOrNothing)
        {
            return Task.CompletedTask;
        }

        var requested = context.Items
            .Where(i => i.Published)
            .Select(i => (Item: i, Part: i.Peek<ArticlePart>()))
            .Where(p => p.Part is not null)
            .Select(p => (p.Part!.Section, Slug: RequestedSlug(p.Part, p.Item.ContentItemId, out _)))
            .ToList();
        return indexReads.LoadAsync(db, requested.Select(r => r.Slug), requested.Select(r => ArticleRoutes.PathFor(r.Section?.Trim(), r.Slug)));
    }

    public override async Task ValidatingAsync(ValidateContentContext context)
    {
        var item = context.ContentItem;
        if (context.Part<ArticlePart>() is { } article)
        {
            await ValidateArticleAsync(context, article);
        }
        else if (item.ContentType == "Article")
        {
            context.Fail("ArticlePart.Headline", "is required.");
        }

        if (context.Part<LeadImagePart>() is { } lead)
        {
            ValidateLeadImage(context, lead);
        }

        if (context.Part<BodyPart>() is { } body)
        {
            ValidateBody(context, body);
        }
    }

    private async Task ValidateArticleAsync(ValidateContentContext context, ArticlePart part)
    {
        var item = context.ContentItem;
        var settings = await documents.GetAsync<SiteSettings>();
        var sections = settings.Sections.Select(s => s.Slug).ToList();

        part.Headline = part.Headline?.Trim() ?? "";
        if (part.Headline.Length == 0)
        {
            context.Fail("ArticlePart.Headline", "is required.");
        }
        else if (part.Headline.Length > ArticlePart.HeadlineMaxLength)
        {
            context.Fail("ArticlePart.Headline", $"is {part.Headline.Length} characters long; the limit is {ArticlePart.HeadlineMaxLength}.");
        }

        await ValidateSlugAsync(context, part, sections);

        if (string.IsNullOrWhiteSpace(part.Section))
        {
            part.Section = null;
        }
        else
        {
            var section = sections.Find(s => string.Equals(s, part.Section.Trim(), StringComparison.OrdinalIgnoreCase));
            if (section is null)
            {
                context.Fail("ArticlePart.Section", $"'{part.Section}' is not a section of this site (sections: {Describe(sections)}).");
            }
            else
            {
                part.Section = section;
            }
        }

        NormalizeTags(context, part);

        if (context.Publishing)
        {
            // The first publication stamps the article; later publishes keep the stamp (it is copied
            // into every new version). Imports carry their own instant on the item.
            part.PublishedUtc = Utc(part.PublishedUtc ?? item.PublishedUtc ?? clock.GetUtcNow().UtcDateTime);
            part.UpdatedUtc = Utc(part.UpdatedUtc ?? part.PublishedUtc.Value);
        }

        if (context.Errors.Count == 0 && item.DisplayText != part.Headline)
        {
            item.DisplayText = part.Headline;
        }
    }

    private async Task ValidateSlugAsync(ValidateContentContext context, ArticlePart part, List<string> sections)
    {
        var item = context.ContentItem;
        var given = part.Slug?.Trim() ?? "";
        var slug = RequestedSlug(part, item.ContentItemId, out var generated);
        var clashesWithSite = SlugGenerator.IsReserved(slug) || SlugGenerator.IsReserved(given) || sections.Contains(slug, StringComparer.OrdinalIgnoreCase);
        if (clashesWithSite && generated)
        {
            slug = SlugGenerator.WithIdSuffix(slug, item.ContentItemId);
        }
        else if (clashesWithSite)
        {
            context.Fail("ArticlePart.Slug", $"'{slug}' is reserved for the site's own pages or sections; choose another slug.");
            return;
        }

        if (context.Publishing)
        {
            // A local, not item.ContentItemId: EF reads a captured local directly, but compiles a
            // delegate on every call to evaluate a member of one.
            var id = item.ContentItemId;
            var taken = indexReads.IsSlugTaken(db, slug, id)
                ?? await db.Set<ArticleIndex>().AnyAsync(a => a.Slug == slug && a.ContentItemId != id);
            if (taken && generated)
            {
                slug = SlugGenerator.WithIdSuffix(slug, item.ContentItemId);
            }
            else if (taken)
            {
                context.Fail("ArticlePart.Slug", $"'{slug}' is already used by another published article.");
                return;
            }
        }

        part.Slug = slug;
    }

    /// <summary>The slug the article asks for: its own, normalised, else one made from its headline (<paramref name="generated"/>).</summary>
    private static string RequestedSlug(ArticlePart part, string contentItemId, out bool generated)
    {
        var slug = SlugGenerator.Normalize(part.Slug?.Trim());
        generated = slug.Length == 0;
        if (!generated)
        {
            return slug;
        }

        slug = SlugGenerator.Normalize(part.Headline?.Trim());
        return slug.Length == 0 ? SlugGenerator.FromId("article", contentItemId) : slug;
    }

    private static void NormalizeTags(ValidateContentContext context, ArticlePart part)
    {
        var tags = new List<string>(part.Tags.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < part.Tags.Count; i++)
        {
            var tag = part.Tags[i]?.Trim() ?? "";
            if (tag.Length == 0)
            {
                continue;
            }

            if (tag.Length > TagMaxLength)
            {
                context.Fail($"ArticlePart.Tags[{i}]", $"is longer than {TagMaxLength} characters.");
                continue;
            }

            var slug = SlugGenerator.Normalize(tag);
            if (slug.Length == 0)
            {
                context.Fail($"ArticlePart.Tags[{i}]", $"'{tag}' has no letters or digits.");
                continue;
            }

            if (seen.Add(slug))
            {
                tags.Add(tag);
            }
        }

        part.Tags = tags;
    }

    private static void ValidateLeadImage(ValidateContentContext context, LeadImagePart lead)
    {
        if (string.IsNullOrWhiteSpace(lead.Src))
        {
            return;
        }

        CheckImage(context, "LeadImagePart", lead.Src, lead.Width, lead.Height);
    }

    private static void ValidateBody(ValidateContentContext context, BodyPart body)
    {
        for (var i = 0; i < body.Blocks.Count; i++)
        {
            var place = $"BodyPart.Blocks[{i}]";
            switch (body.Blocks[i])
            {
                case null:
                    context.Fail(place, "is empty.");
                    break;
                case ParagraphBlock paragraph:
                    paragraph.Html = BodyHtml.SanitizeInline(paragraph.Html);
                    break;
                case SubheadingBlock subheading:
                    subheading.Text = BodyHtml.ToPlainText(subheading.Text);
                    if (subheading.Text.Length == 0)
                    {
                        context.Fail($"{place}.Text", "a subheading needs text.");
                    }

                    break;
                case QuoteBlock quote:
                    quote.Text = BodyHtml.ToPlainText(quote.Text);
                    quote.Attribution = quote.Attribution is null ? null : BodyHtml.ToPlainText(quote.Attribution);
                    if (quote.Text.Length == 0)
                    {
                        context.Fail($"{place}.Text", "a quote needs text.");
                    }

                    break;
                case ImageBlock image:
                    if (string.IsNullOrWhiteSpace(image.Src))
                    {
                        context.Fail($"{place}.Src", "an image block needs a Src.");
                    }
                    else
                    {
                        CheckImage(context, place, image.Src, image.Width, image.Height);
                    }

                    break;
                case EmbedBlock embed:
                    if (!UrlRules.IsHttpsUrl(embed.Url))
                    {
                        context.Fail($"{place}.Url", $"'{embed.Url}' is not an absolute https URL; embeds load only over https.");
                    }

                    break;
            }
        }
    }

    private static void CheckImage(ValidateContentContext context, string place, string src, int width, int height)
    {
        if (!UrlRules.IsLocalOrHttpUrl(src))
        {
            context.Fail($"{place}.Src", $"'{src}' must be a path on this site (/media/...) or an http(s) URL.");
        }

        // Without both dimensions the page cannot reserve the image's space and shifts as it loads.
        if (width <= 0)
        {
            context.Fail($"{place}.Width", "must be greater than 0 when the image has a Src.");
        }

        if (height <= 0)
        {
            context.Fail($"{place}.Height", "must be greater than 0 when the image has a Src.");
        }
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static string Describe(List<string> sections) => sections.Count == 0 ? "none defined" : string.Join(", ", sections);
}
