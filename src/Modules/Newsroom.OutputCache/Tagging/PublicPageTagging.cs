using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newsroom.Articles.Services;

namespace Newsroom.OutputCache.Tagging;

/// <summary>
/// Tags the cache entry of a public page with what it showed (<see cref="PublicPageContent"/>, recorded
/// by the Articles and Bylines controllers and display drivers): the same tags
/// <see cref="Handlers.CacheEvictionHandler"/> evicts on publish, unpublish, remove and byline edits.
/// The content modules cannot reference this one (it depends on them), so the tagging lives here.
/// </summary>
internal static class PublicPageTagging
{
    /// <summary>Runs inside the output cache middleware: the entry is stored, with its tags, after this returns.</summary>
    public static IApplicationBuilder UsePublicPageTagging(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            if (PublicPageContent.Find(context) is { } shown)
            {
                context.TagPublicPage(TagsOf(shown));
            }
        });

    public static IEnumerable<string> TagsOf(PublicPageContent shown)
    {
        if (shown.ListsLatest)
        {
            yield return PublicPageCache.Home;
        }

        foreach (var id in shown.ItemIds)
        {
            yield return PublicPageCache.Item(id);
        }

        foreach (var id in shown.BylineIds)
        {
            yield return PublicPageCache.Byline(id);
        }

        foreach (var id in shown.BylineListIds)
        {
            yield return PublicPageCache.BylineList(id);
        }

        foreach (var section in shown.Sections)
        {
            yield return PublicPageCache.Section(section);
        }

        foreach (var tag in shown.Tags)
        {
            yield return PublicPageCache.Tag(tag);
        }

        foreach (var contentType in shown.ContentTypes)
        {
            yield return PublicPageCache.ContentType(contentType);
        }
    }
}
