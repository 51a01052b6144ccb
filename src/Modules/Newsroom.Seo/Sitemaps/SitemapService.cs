using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsroom.Articles.Indexes;
using Newsroom.Data;
using Newsroom.Seo.Services;

namespace Newsroom.Seo.Sitemaps;

/// <summary>
/// Writes <c>/sitemap.xml</c> (a sitemap index), <c>/sitemaps/articles-{n}.xml</c> (at most
/// <see cref="SeoSettings.SitemapMaxUrls"/> published articles each, oldest first so that a page's
/// content only changes when articles are withdrawn) and the Google News sitemap. Reads only the
/// <c>ArticleIndex</c> table: published articles only.
/// </summary>
public sealed class SitemapService(NewsroomDbContext db, ISiteUrls urls, IDocumentStore documents, IOptions<SeoSettings> options, TimeProvider clock)
{
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";

    private int PageSize => Math.Max(1, options.Value.SitemapMaxUrls);

    private IQueryable<ArticleIndex> Ordered =>
        db.Set<ArticleIndex>().AsNoTracking().OrderBy(a => a.PublishedUtc).ThenBy(a => a.ContentItemId);

    public async Task<string> IndexAsync(CancellationToken cancellationToken)
    {
        var baseUri = await urls.BaseUriAsync(cancellationToken);
        var updated = await Ordered.Select(a => a.UpdatedUtc).ToListAsync(cancellationToken);
        return Write(xml =>
        {
            xml.WriteStartElement("sitemapindex", SitemapNs);
            var pages = updated.Chunk(PageSize).ToList();
            if (pages.Count == 0)
            {
                pages.Add([]);
            }

            for (var n = 1; n <= pages.Count; n++)
            {
                xml.WriteStartElement("sitemap", SitemapNs);
                xml.WriteElementString("loc", SitemapNs, SiteUrls.Combine(baseUri, PagePath(n)).AbsoluteUri);
                if (pages[n - 1].Length > 0)
                {
                    xml.WriteElementString("lastmod", SitemapNs, W3C(pages[n - 1].Max()));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    /// <summary>Page <paramref name="number"/> (from 1), or null when there is no such page.</summary>
    public async Task<string?> PageAsync(int number, CancellationToken cancellationToken)
    {
        if (number < 1)
        {
            return null;
        }

        var articles = await Ordered.Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        if (articles.Count == 0 && number > 1)
        {
            return null;
        }

        var baseUri = await urls.BaseUriAsync(cancellationToken);
        var paths = await urls.ArticlePathsAsync(articles, cancellationToken);
        return Write(xml =>
        {
            xml.WriteStartElement("urlset", SitemapNs);
            foreach (var article in articles)
            {
                xml.WriteStartElement("url", SitemapNs);
                xml.WriteElementString("loc", SitemapNs, SiteUrls.Combine(baseUri, paths[article.ContentItemId]).AbsoluteUri);
                xml.WriteElementString("lastmod", SitemapNs, W3C(article.UpdatedUtc));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    /// <summary>Articles published in the last <see cref="SeoSettings.NewsSitemapHours"/> hours (Google allows 1,000).</summary>
    public async Task<string> NewsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddHours(-options.Value.NewsSitemapHours);
        var articles = await db.Set<ArticleIndex>().AsNoTracking()
            .Where(a => a.PublishedUtc >= since && a.PublishedUtc <= now)
            .OrderByDescending(a => a.PublishedUtc).ThenBy(a => a.ContentItemId)
            .Take(1000)
            .ToListAsync(cancellationToken);
        var settings = await documents.GetAsync<SiteSettings>(cancellationToken);
        var baseUri = await urls.BaseUriAsync(cancellationToken);
        var paths = await urls.ArticlePathsAsync(articles, cancellationToken);
        var language = NewsLanguage(settings.Culture);
        return Write(xml =>
        {
            xml.WriteStartElement("urlset", SitemapNs);
            xml.WriteAttributeString("xmlns", "news", null, NewsNs);
            foreach (var article in articles)
            {
                xml.WriteStartElement("url", SitemapNs);
                xml.WriteElementString("loc", SitemapNs, SiteUrls.Combine(baseUri, paths[article.ContentItemId]).AbsoluteUri);
                xml.WriteStartElement("news", NewsNs);
                xml.WriteStartElement("publication", NewsNs);
                xml.WriteElementString("name", NewsNs, settings.SiteName);
                xml.WriteElementString("language", NewsNs, language);
                xml.WriteEndElement();
                xml.WriteElementString("publication_date", NewsNs, W3C(article.PublishedUtc));
                xml.WriteElementString("title", NewsNs, article.Headline);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    public async Task<string> RobotsAsync(CancellationToken cancellationToken)
    {
        var baseUri = await urls.BaseUriAsync(cancellationToken);
        return $"""
            User-agent: *
            Disallow: /admin
            Disallow: /search
            Allow: /

            Sitemap: {SiteUrls.Combine(baseUri, "/sitemap.xml").AbsoluteUri}
            Sitemap: {SiteUrls.Combine(baseUri, "/sitemaps/news.xml").AbsoluteUri}

            """;
    }

    public static string PagePath(int number) => $"/sitemaps/articles-{number.ToString(CultureInfo.InvariantCulture)}.xml";

    /// <summary>Google News wants ISO 639 codes: <c>en</c> for <c>en-IN</c>, but <c>zh-cn</c>/<c>zh-tw</c> kept.</summary>
    public static string NewsLanguage(string? culture)
    {
        var name = string.IsNullOrWhiteSpace(culture) ? "en" : culture.Trim().ToLowerInvariant();
        return name.StartsWith("zh-", StringComparison.Ordinal) ? name : name.Split('-')[0];
    }

    private static string W3C(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Write(Action<XmlWriter> body)
    {
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = false }))
        {
            xml.WriteStartDocument();
            body(xml);
            xml.WriteEndDocument();
        }

        // A StringBuilder writer declares utf-16; the response is UTF-8.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
