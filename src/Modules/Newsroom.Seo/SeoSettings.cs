namespace Newsroom.Seo;

/// <summary>Configuration section <c>Newsroom:Seo</c>.</summary>
public sealed class SeoSettings
{
    public const string Section = "Newsroom:Seo";

    /// <summary>The sitemap protocol's limit per file; lower it to test the split.</summary>
    public const int DefaultSitemapMaxUrls = 50_000;

    /// <summary>URLs per sitemap file (<c>/sitemaps/articles-{n}.xml</c>).</summary>
    public int SitemapMaxUrls { get; set; } = DefaultSitemapMaxUrls;

    /// <summary>Google News only wants articles of the last two days.</summary>
    public int NewsSitemapHours { get; set; } = 48;

    /// <summary>Publisher logo for JSON-LD (absolute, or a path on the site).</summary>
    public string PublisherLogoUrl { get; set; } = "/media/logo.png";

    /// <summary>The site's Twitter/X account, e.g. <c>@herald</c>, for <c>twitter:site</c>.</summary>
    public string? TwitterSite { get; set; }
}
