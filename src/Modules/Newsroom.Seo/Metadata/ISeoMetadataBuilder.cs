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
/// @{ var seo = await Seo.BuildArticleAsync(Model.Article, Model.AbsoluteUrl); }
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
}
