using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Indexes;
using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.Seo.Services;

namespace Newsroom.Feeds.Services;

/// <summary>Which articles a feed lists.</summary>
public enum FeedScope
{
    Site,
    Section,
    Tag,
    Byline,
}

/// <summary>A feed ready to write, with the ids it shows (for cache tags).</summary>
public sealed record BuiltFeed(SyndicationFeed Feed, IReadOnlyList<string> ArticleIds, string? BylineId);

/// <summary>
/// Builds RSS 2.0 / Atom 1.0 feeds of the latest <see cref="MaxItems"/> published articles from the
/// index tables (published rows only) and the articles' published versions.
/// </summary>
public sealed class FeedService(NewsroomDbContext db, IContentManager contents, IDocumentStore documents, ISiteUrls urls)
{
    public const int MaxItems = 50;
    public const string MediaNs = "http://search.yahoo.com/mrss/";
    public const string DublinCoreNs = "http://purl.org/dc/elements/1.1/";

    /// <summary>The feed, or null when the section, tag or byline does not exist.</summary>
    public async Task<BuiltFeed?> BuildAsync(FeedScope scope, string? key, bool atom, CancellationToken cancellationToken)
    {
        var settings = await documents.GetAsync<SiteSettings>(cancellationToken);
        var baseUri = await urls.BaseUriAsync(cancellationToken);
        var articles = db.Set<ArticleIndex>().AsNoTracking();
        string title, htmlPath, feedPath;
        string? bylineId = null;
        switch (scope)
        {
            case FeedScope.Section:
                var section = settings.Sections.FirstOrDefault(s => string.Equals(s.Slug, key, StringComparison.OrdinalIgnoreCase));
                if (section is null)
                {
                    return null;
                }

                articles = articles.Where(a => a.Section == section.Slug);
                (title, htmlPath) = ($"{settings.SiteName}: {section.Name}", "/" + section.Slug);
                feedPath = htmlPath + "/feed";
                break;
            case FeedScope.Tag:
                var slug = (key ?? "").ToLowerInvariant();
                var tag = await db.Set<ArticleTagIndex>().AsNoTracking().Where(t => t.TagSlug == slug).Select(t => t.Tag).FirstOrDefaultAsync(cancellationToken);
                if (tag is null)
                {
                    return null;
                }

                articles = articles.Where(a => db.Set<ArticleTagIndex>().Any(t => t.TagSlug == slug && t.ContentItemId == a.ContentItemId));
                (title, htmlPath) = ($"{settings.SiteName}: {tag}", "/tag/" + slug);
                feedPath = htmlPath + "/feed";
                break;
            case FeedScope.Byline:
                var byline = await db.Set<BylineIndex>().AsNoTracking().FirstOrDefaultAsync(b => b.Slug == key, cancellationToken);
                if (byline is null)
                {
                    return null;
                }

                bylineId = byline.ContentItemId;
                articles = articles.Where(a => db.Set<ArticleBylineIndex>().Any(b => b.BylineId == byline.ContentItemId && b.ArticleId == a.ContentItemId));
                (title, htmlPath) = ($"{settings.SiteName}: {byline.Name}", "/author/" + byline.Slug);
                feedPath = htmlPath + "/feed";
                break;
            default:
                (title, htmlPath, feedPath) = (settings.SiteName, "/", "/feed");
                break;
        }

        var latest = await articles.OrderByDescending(a => a.PublishedUtc).ThenBy(a => a.ContentItemId).Take(MaxItems).ToListAsync(cancellationToken);
        var paths = await urls.ArticlePathsAsync(latest, cancellationToken);
        var ids = latest.Select(a => a.ContentItemId).ToList();
        var items = (await contents.GetManyAsync(ids, VersionOptions.Published, cancellationToken))
            .ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        var credits = await CreditsAsync(ids, cancellationToken);

        var feed = new SyndicationFeed(title, null, SiteUrls.Combine(baseUri, htmlPath))
        {
            Id = SiteUrls.Combine(baseUri, feedPath).AbsoluteUri,
            Language = settings.Culture,
            LastUpdatedTime = latest.Count > 0 ? Utc(latest.Max(a => a.UpdatedUtc)) : DateTimeOffset.UnixEpoch,
            Generator = "Newsroom",
        };
        feed.Links.Add(new SyndicationLink(SiteUrls.Combine(baseUri, feedPath + (atom ? "/atom" : "")), "self", title, atom ? "application/atom+xml" : "application/rss+xml", 0));
        feed.AttributeExtensions.Add(new XmlQualifiedName("media", "http://www.w3.org/2000/xmlns/"), MediaNs);
        feed.AttributeExtensions.Add(new XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), DublinCoreNs);

        var sectionNames = settings.Sections.ToDictionary(s => s.Slug, s => s.Name, StringComparer.OrdinalIgnoreCase);
        var entries = new List<SyndicationItem>();
        foreach (var row in latest)
        {
            if (!items.TryGetValue(row.ContentItemId, out var item))
            {
                continue; // the index is ahead of the item (withdrawn meanwhile): leave it out
            }

            entries.Add(Entry(row, item, SiteUrls.Combine(baseUri, paths[row.ContentItemId]), baseUri, credits.GetValueOrDefault(row.ContentItemId) ?? [], sectionNames));
        }

        feed.Items = entries;
        return new BuiltFeed(feed, ids, bylineId);
    }

    private static SyndicationItem Entry(
        ArticleIndex row,
        ContentItem item,
        Uri url,
        Uri baseUri,
        IReadOnlyList<string> authors,
        Dictionary<string, string> sectionNames)
    {
        var article = item.Peek<ArticlePart>() ?? new ArticlePart();
        var entry = new SyndicationItem
        {
            Id = url.AbsoluteUri,
            Title = new TextSyndicationContent(row.Headline),
            PublishDate = Utc(row.PublishedUtc),
            LastUpdatedTime = Utc(row.UpdatedUtc),
        };
        entry.Links.Add(SyndicationLink.CreateAlternateLink(url, "text/html"));
        var dek = row.Dek ?? article.Dek;
        if (!string.IsNullOrWhiteSpace(dek))
        {
            entry.Summary = new TextSyndicationContent(dek);
        }

        foreach (var name in authors)
        {
            entry.Authors.Add(new SyndicationPerson { Name = name });
            entry.ElementExtensions.Add(new XElement(XName.Get("creator", DublinCoreNs), name));
        }

        if (!string.IsNullOrEmpty(row.Section))
        {
            entry.Categories.Add(new SyndicationCategory(sectionNames.GetValueOrDefault(row.Section) ?? row.Section));
        }

        foreach (var tag in article.Tags.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            entry.Categories.Add(new SyndicationCategory(tag));
        }

        var lead = item.Peek<LeadImagePart>() ?? new LeadImagePart();
        var src = string.IsNullOrEmpty(lead.Src) ? row.LeadImageSrc : lead.Src;
        if (!string.IsNullOrEmpty(src))
        {
            var image = SiteUrls.Combine(baseUri, src);
            var type = ImageType(image.AbsolutePath);
            // The file size is not known without reading the file; 0 is the feed readers' "unknown".
            entry.Links.Add(SyndicationLink.CreateMediaEnclosureLink(image, type, 0));
            var media = new XElement(
                XName.Get("content", MediaNs),
                new XAttribute("url", image.AbsoluteUri),
                new XAttribute("medium", "image"),
                new XAttribute("type", type));
            if (lead.Width > 0 && lead.Height > 0)
            {
                media.Add(new XAttribute("width", lead.Width), new XAttribute("height", lead.Height));
            }

            var caption = lead.Caption ?? lead.Alt;
            if (!string.IsNullOrWhiteSpace(caption))
            {
                media.Add(new XElement(XName.Get("description", MediaNs), caption));
            }

            if (!string.IsNullOrWhiteSpace(lead.Credit))
            {
                media.Add(new XElement(XName.Get("credit", MediaNs), lead.Credit));
            }

            entry.ElementExtensions.Add(media);
        }

        return entry;
    }

    /// <summary>The full names of each article's bylines, in credit order.</summary>
    private async Task<Dictionary<string, List<string>>> CreditsAsync(List<string> articleIds, CancellationToken cancellationToken)
    {
        var rows = await (
            from credit in db.Set<ArticleBylineIndex>().AsNoTracking()
            join byline in db.Set<BylineIndex>().AsNoTracking() on credit.BylineId equals byline.ContentItemId
            where articleIds.Contains(credit.ArticleId)
            orderby credit.ArticleId, credit.Position
            select new { credit.ArticleId, byline.Name })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ArticleId).ToDictionary(g => g.Key, g => g.Select(r => r.Name).ToList(), StringComparer.Ordinal);
    }

    public static byte[] Write(SyndicationFeed feed, bool atom)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false }))
        {
            SyndicationFeedFormatter formatter = atom ? new Atom10FeedFormatter(feed) : new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true);
            formatter.WriteTo(xml);
        }

        return stream.ToArray();
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static string ImageType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".avif" => "image/avif",
        ".svg" => "image/svg+xml",
        _ => "image/jpeg",
    };
}
