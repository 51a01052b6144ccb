using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace Newsroom.OutputCache;

/// <summary>
/// What public pages use to be cached: the policy name for <c>[OutputCache(PolicyName = PublicPageCache.PolicyName)]</c>
/// and the tags a page adds for the content it shows, so that publishing that content evicts the page.
/// </summary>
/// <example>
/// <code>
/// [OutputCache(PolicyName = PublicPageCache.PolicyName)]
/// public async Task&lt;IActionResult&gt; Article(string section, string slug)
/// {
///     ...
///     HttpContext.TagPublicPage(PublicPageCache.Item(article.ContentItemId), PublicPageCache.Section(section));
///     HttpContext.TagPublicPage(bylineIds.Select(PublicPageCache.Byline));
///     HttpContext.TagPublicPage(relatedTargetIds.Select(PublicPageCache.Item));
/// }
/// </code>
/// </example>
public static class PublicPageCache
{
    /// <summary>The output cache policy of public pages.</summary>
    public const string PolicyName = Articles.Services.PublicPageContent.CachePolicyName;

    /// <summary>Every cached public page carries this tag.</summary>
    public const string AllPages = "public";

    /// <summary>The home page (lists of the latest articles).</summary>
    public const string Home = "home";

    /// <summary>Feeds of any kind.</summary>
    public const string Feeds = "feeds";

    /// <summary>Sitemaps and the Google News sitemap.</summary>
    public const string Sitemaps = "sitemaps";

    /// <summary>A page that shows the item (an article page, or a page linking to it as a related target).</summary>
    public static string Item(string contentItemId) => "item:" + contentItemId;

    /// <summary>The section's list page and feed.</summary>
    public static string Section(string sectionSlug) => "section:" + sectionSlug.ToLowerInvariant();

    /// <summary>The tag's list page and feed.</summary>
    public static string Tag(string tagSlug) => "tag:" + tagSlug.ToLowerInvariant();

    /// <summary>A page that shows the byline's name or photo (article pages crediting it, the author page).</summary>
    public static string Byline(string bylineId) => "byline:" + bylineId;

    /// <summary>The byline's list of articles (author page and feed).</summary>
    public static string BylineList(string bylineId) => "byline-list:" + bylineId;

    /// <summary>A page that picked items of the content type by rule (see <c>PublicPageContent.ContentTypes</c>).</summary>
    public static string ContentType(string contentType) => "type:" + contentType;

    /// <summary>
    /// Adds tags to the cache entry of the current response. Does nothing when the response is not
    /// output-cached (caching off, signed-in user, preview).
    /// </summary>
    public static void TagPublicPage(this HttpContext context, params IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            foreach (var tag in tags)
            {
                cache.Tags.Add(tag);
            }
        }
    }

    /// <summary>Keeps the current response out of the cache (previews, personalised output).</summary>
    public static void DoNotCache(this HttpContext context)
    {
        context.Items[NoStoreKey] = true;
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            cache.AllowCacheStorage = false;
        }
    }

    internal const string NoStoreKey = "Newsroom.OutputCache.NoStore";
}
