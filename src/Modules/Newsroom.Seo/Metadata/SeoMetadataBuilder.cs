using Microsoft.Extensions.Options;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Caching;
using Newsroom.Data;
using Newsroom.Modules.Shells;
using Newsroom.Seo.Services;

namespace Newsroom.Seo.Metadata;

internal sealed class SeoMetadataBuilder(
    IContentManager contents,
    IDocumentStore documents,
    IPublishedCache cache,
    ISiteUrls urls,
    IOptions<SeoSettings> options,
    ShellBlueprint blueprint) : ISeoMetadataBuilder
{
    // A head is about 3 KB of HTML (two bytes a character) plus the metadata it was written from.
    private const int SharedEntrySize = 8 * 1024;

    public async Task<ArticleSeoMetadata> BuildArticleAsync(ContentItem article, Uri absoluteUrl, CancellationToken cancellationToken = default) =>
        await BuildAsync(article, absoluteUrl, await documents.GetAsync<SiteSettings>(cancellationToken), cancellationToken);

    public async Task<ArticleSeoMetadata> BuildPublishedArticleAsync(ContentItem article, Uri absoluteUrl, CancellationToken cancellationToken = default)
    {
        // Taken before anything is read, so a head built across a publish is not kept (see BeginAsync).
        var token = article.Published ? await cache.BeginAsync(cancellationToken) : null;
        var settings = await documents.GetAsync<SiteSettings>(cancellationToken);
        var key = $"seo:article:{article.ContentItemVersionId}:{absoluteUrl.AbsoluteUri}";

        // The settings document is shared and replaced, never changed, when the site settings are
        // saved: a head written with another instance is out of date (site name, sections, time zone).
        if (token is { } current && cache.TryGet(current, key, out SharedHead shared) && ReferenceEquals(shared.Settings, settings))
        {
            return shared.Metadata;
        }

        var metadata = await BuildAsync(article, absoluteUrl, settings, cancellationToken);
        if (token is { } generation)
        {
            metadata.KeepHeadHtml();
            cache.Set(generation, key, new SharedHead(settings, metadata), SharedEntrySize);
        }

        return metadata;
    }

    private async Task<ArticleSeoMetadata> BuildAsync(ContentItem article, Uri absoluteUrl, SiteSettings settings, CancellationToken cancellationToken)
    {
        var part = article.Peek<ArticlePart>() ?? throw new ArgumentException("The item has no ArticlePart.", nameof(article));
        var lead = article.Peek<LeadImagePart>() ?? new LeadImagePart();
        var baseUri = await urls.BaseUriAsync(cancellationToken);
        var zone = settings.FindTimeZone();

        var bylineIds = article.Peek<BylinesPart>()?.BylineIds ?? [];
        var bylines = (await contents.GetManyAsync(bylineIds, VersionOptions.Published, cancellationToken))
            .ToDictionary(b => b.ContentItemId, StringComparer.Ordinal);
        var authors = bylineIds.Where(bylines.ContainsKey).Select(id => bylines[id].Peek<BylinePart>()).OfType<BylinePart>()
            .Select(b => new SeoPerson(b.Name, string.IsNullOrEmpty(b.Slug) ? null : SiteUrls.Combine(baseUri, "/author/" + b.Slug)))
            .ToList();

        var section = settings.Sections.FirstOrDefault(s => string.Equals(s.Slug, part.Section, StringComparison.OrdinalIgnoreCase));
        var published = part.PublishedUtc ?? article.PublishedUtc ?? article.CreatedUtc ?? DateTime.UtcNow;
        var modified = part.UpdatedUtc ?? article.ModifiedUtc ?? published;
        if (modified < published)
        {
            modified = published;
        }

        var feeds = new List<SeoFeedLink>();
        if (blueprint.EnabledModules.Any(m => m.Id == "Newsroom.Feeds"))
        {
            feeds.Add(new SeoFeedLink(settings.SiteName, "application/rss+xml", SiteUrls.Combine(baseUri, "/feed")));
            feeds.Add(new SeoFeedLink(settings.SiteName, "application/atom+xml", SiteUrls.Combine(baseUri, "/feed/atom")));
            if (section is not null)
            {
                feeds.Add(new SeoFeedLink($"{settings.SiteName}: {section.Name}", "application/rss+xml", SiteUrls.Combine(baseUri, "/" + section.Slug + "/feed")));
            }
        }

        return new ArticleSeoMetadata
        {
            Title = string.IsNullOrWhiteSpace(part.SeoTitle) ? part.Headline : part.SeoTitle,
            Description = string.IsNullOrWhiteSpace(part.SeoDescription) ? NullIfEmpty(part.Dek) : part.SeoDescription,
            CanonicalUrl = absoluteUrl,
            Image = string.IsNullOrEmpty(lead.Src) ? null : new SeoImage(SiteUrls.Combine(baseUri, lead.Src), lead.Width, lead.Height, lead.Alt),
            Published = InZone(published, zone),
            Modified = InZone(modified, zone),
            SiteName = settings.SiteName,
            SiteUrl = baseUri,
            Locale = (string.IsNullOrWhiteSpace(settings.Culture) ? "en" : settings.Culture).Replace('-', '_'),
            SectionName = section?.Name ?? NullIfEmpty(part.Section),
            SectionUrl = string.IsNullOrEmpty(part.Section) ? null : SiteUrls.Combine(baseUri, "/" + part.Section),
            Tags = part.Tags,
            Authors = authors,
            PublisherLogoUrl = string.IsNullOrWhiteSpace(options.Value.PublisherLogoUrl) ? null : SiteUrls.Combine(baseUri, options.Value.PublisherLogoUrl),
            TwitterSite = options.Value.TwitterSite,
            Feeds = feeds,
        };
    }

    private sealed record SharedHead(SiteSettings Settings, ArticleSeoMetadata Metadata);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static DateTimeOffset InZone(DateTime utc, TimeZoneInfo zone)
    {
        var instant = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return instant.ToOffset(zone.GetUtcOffset(instant));
    }
}
