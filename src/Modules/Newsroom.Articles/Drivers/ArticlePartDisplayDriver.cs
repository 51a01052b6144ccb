using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.Articles.ViewModels;
using Newsroom.Data;
using Newsroom.DisplayManagement.Drivers;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Articles.Drivers;

/// <summary>
/// Headline, dek, section and the two date stamps. Detail layout follows the seed page:
/// Header: section 0, updated 1, headline+dek 2 (bylines 3, lead image 5 come from other drivers);
/// Footer: published 1.
/// </summary>
public sealed class ArticlePartDisplayDriver(ArticleQueries queries, IDocumentStore documents) : ContentDisplayDriver<ArticlePart>
{
    public override async Task<IDisplayResult?> DisplayAsync(ArticlePart part, BuildDisplayContext context)
    {
        var settings = await documents.GetAsync<SiteSettings>();
        var section = settings.Sections.FirstOrDefault(s => s.Slug == part.Section);
        var published = part.PublishedUtc ?? context.ContentItem.PublishedUtc ?? context.ContentItem.CreatedUtc ?? DateTime.MinValue;

        if (string.Equals(context.DisplayType, DisplayTypes.Summary, StringComparison.OrdinalIgnoreCase))
        {
            // A list shows only the summary, and the summary shows only in lists (a shape is placed only
            // in the display types it has a location for): each item builds the one shape it shows.
            var url = await queries.PathAsync(context.ContentItem.ContentItemId) ?? ArticleQueries.PathOf(part);
            return Shape(new ArticleSummaryViewModel
            {
                Headline = part.Headline,
                Dek = part.Dek,
                Url = url,
                SectionName = section?.Name,
                SectionUrl = section is null ? null : "/" + section.Slug,
                PublishedUtc = published,
            }).Location("Summary", "Content:1");
        }

        var updated = part.UpdatedUtc ?? published;
        return Combine(
            Shape(new ArticleSectionViewModel { Name = section?.Name ?? "", Url = section is null ? "" : "/" + section.Slug })
                .Location("Detail", section is null ? "-" : "Header:0"),
            Shape(new ArticleUpdatedViewModel { UpdatedUtc = updated }).Location("Detail", "Header:1"),
            Shape(new ArticleHeadlineViewModel { Headline = part.Headline, Dek = part.Dek }).Location("Detail", "Header:2"),
            // Built only for Detail: slugging every tag of every article in a list was wasted work.
            Shape(() => Task.FromResult<ArticlePublishedViewModel?>(new ArticlePublishedViewModel
            {
                PublishedUtc = published,
                Tags = part.Tags.Select(t => new TagLink(t, "/tag/" + SlugGenerator.Normalize(t))).ToList(),
            })).Location("Detail", "Footer:1"));
    }
}
