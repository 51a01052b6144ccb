using Newsroom.ContentManagement;

namespace Newsroom.Seo.Metadata;

/// <summary>
/// Builds what goes in an article page's <c>&lt;head&gt;</c>: canonical link, description, OpenGraph
/// and Twitter card tags, feed links, and JSON-LD (<c>NewsArticle</c> + <c>BreadcrumbList</c>).
/// </summary>
/// <example>
/// In the article view's head section:
/// <code>
/// @inject Newsroom.Seo.Metadata.ISeoMetadataBuilder Seo
/// @inject Newsroom.Seo.Services.ISiteUrls SiteUrls
/// @{
///     var canonical = await SiteUrls.AbsoluteAsync(Model.Path);
///     var seo = Model.IsPublicView
///         ? await Seo.BuildPublishedArticleAsync(Model.Item, canonical)  // the public page: shared between readers
///         : await Seo.BuildArticleAsync(Model.Item, canonical);          // a preview
/// }
/// @seo.HeadHtml()
/// </code>
/// </example>
public interface ISeoMetadataBuilder
{
    /// <summary>
    /// The metadata of <paramref name="article"/> (a published version with an <c>ArticlePart</c>) at its
    /// public <paramref name="absoluteUrl"/>, which becomes the canonical URL. Bylines are read as their
    /// published versions.
    /// </summary>
    Task<ArticleSeoMetadata> BuildArticleAsync(ContentItem article, Uri absoluteUrl, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="BuildArticleAsync"/> for the public page of the published version: the metadata and its
    /// head HTML are built once and shared by every reader of this node until published content changes
    /// (the published cache) or the site settings do. Never for a preview: a draft or unsaved change
    /// passed here would be what the public sees. An item that is not a published version is built
    /// for this call only.
    /// </summary>
    Task<ArticleSeoMetadata> BuildPublishedArticleAsync(ContentItem article, Uri absoluteUrl, CancellationToken cancellationToken = default);
}
