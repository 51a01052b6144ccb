using Newsroom.Articles.Indexes;
using Newsroom.ContentManagement.Queries;
using Newsroom.Contents.ContentList;
using Newsroom.Data;

namespace Newsroom.Articles.ContentList;

/// <summary>
/// The content list's section filter: a select of the site's sections, matched against
/// <see cref="ArticleLatestIndex.Section"/>, the section of each article's latest version: the list shows
/// the latest version, so a never-published draft, or a live article whose pending draft moved section,
/// is found under the section the editor sees in the list (not under the live one).
/// </summary>
public sealed class SectionFilter(IDocumentStore documents, NewsroomDbContext db) : IContentListFilterProvider
{
    public const string Name = "section";

    public async Task<IReadOnlyList<ContentListFilterControl>> GetControlsAsync(CancellationToken cancellationToken)
    {
        var sections = (await documents.GetAsync<SiteSettings>(cancellationToken)).Sections;
        return [new(Name, "Section", sections.ConvertAll(s => new ContentListFilterOption(s.Slug, s.Name)), "All sections")];
    }

    public ContentListRestriction? GetRestriction(IReadOnlyDictionary<string, string> values)
    {
        if (!values.TryGetValue(Name, out var slug))
        {
            return null;
        }

        // Slugs are stored lower-case; the select offers them as they are in the settings.
        return ContentListRestrictions.InLargeSet(db.Set<ArticleLatestIndex>().Where(a => a.Section == slug).Select(a => a.ContentItemId));
    }
}
