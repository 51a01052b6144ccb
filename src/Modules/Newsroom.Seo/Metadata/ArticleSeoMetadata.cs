using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Newsroom.Seo.Metadata;

/// <summary>
/// An article's head metadata, typed. <see cref="RenderHeadHtml"/> writes it as HTML with every value
/// escaped for where it goes (attribute values, JSON inside a script element).
/// </summary>
public sealed class ArticleSeoMetadata
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    public required Uri CanonicalUrl { get; init; }

    public SeoImage? Image { get; init; }

    public required DateTimeOffset Published { get; init; }

    public required DateTimeOffset Modified { get; init; }

    public required string SiteName { get; init; }

    public required Uri SiteUrl { get; init; }

    /// <summary>OpenGraph locale, e.g. <c>en_IN</c>.</summary>
    public required string Locale { get; init; }

    public string? SectionName { get; init; }

    public Uri? SectionUrl { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<SeoPerson> Authors { get; init; } = [];

    public Uri? PublisherLogoUrl { get; init; }

    public string? TwitterSite { get; init; }

    /// <summary>Feeds to advertise with <c>&lt;link rel="alternate"&gt;</c>.</summary>
    public IReadOnlyList<SeoFeedLink> Feeds { get; init; } = [];

    /// <summary>The JSON-LD graph: a <c>NewsArticle</c> and a <c>BreadcrumbList</c>.</summary>
    public JsonObject ToJsonLd()
    {
        var publisher = new JsonObject
        {
            ["@type"] = "Organization",
            ["name"] = SiteName,
            ["url"] = SiteUrl.AbsoluteUri,
        };
        if (PublisherLogoUrl is not null)
        {
            publisher["logo"] = new JsonObject { ["@type"] = "ImageObject", ["url"] = PublisherLogoUrl.AbsoluteUri };
        }

        var article = new JsonObject
        {
            ["@type"] = "NewsArticle",
            ["headline"] = Title,
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = CanonicalUrl.AbsoluteUri },
            ["url"] = CanonicalUrl.AbsoluteUri,
            ["datePublished"] = Iso(Published),
            ["dateModified"] = Iso(Modified),
            ["publisher"] = publisher,
        };
        if (Description is not null)
        {
            article["description"] = Description;
        }

        if (Image is not null)
        {
            var image = new JsonObject { ["@type"] = "ImageObject", ["url"] = Image.Url.AbsoluteUri };
            if (Image.Width > 0 && Image.Height > 0)
            {
                image["width"] = Image.Width;
                image["height"] = Image.Height;
            }

            article["image"] = new JsonArray(image);
        }

        article["author"] = Authors.Count > 0
            ? new JsonArray(Authors.Select(a => (JsonNode)new JsonObject
            {
                ["@type"] = "Person",
                ["name"] = a.Name,
                ["url"] = a.Url?.AbsoluteUri,
            }).ToArray())
            : new JsonArray(new JsonObject { ["@type"] = "Organization", ["name"] = SiteName, ["url"] = SiteUrl.AbsoluteUri });
        if (SectionName is not null)
        {
            article["articleSection"] = SectionName;
        }

        if (Tags.Count > 0)
        {
            article["keywords"] = new JsonArray(Tags.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray());
        }

        var crumbs = new List<(string Name, Uri Url)> { (SiteName, SiteUrl) };
        if (SectionName is not null && SectionUrl is not null)
        {
            crumbs.Add((SectionName, SectionUrl));
        }

        crumbs.Add((Title, CanonicalUrl));
        var breadcrumbs = new JsonObject
        {
            ["@type"] = "BreadcrumbList",
            ["itemListElement"] = new JsonArray(crumbs.Select((c, i) => (JsonNode)new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = i + 1,
                ["name"] = c.Name,
                ["item"] = c.Url.AbsoluteUri,
            }).ToArray()),
        };

        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@graph"] = new JsonArray(article, breadcrumbs),
        };
    }

    /// <summary>The head tags, ready to write unencoded (<c>@Html.Raw</c>) into <c>&lt;head&gt;</c>.</summary>
    public string RenderHeadHtml()
    {
        var html = new StringBuilder();
        Link(html, "canonical", CanonicalUrl.AbsoluteUri);
        if (Description is not null)
        {
            Meta(html, "name", "description", Description);
        }

        Meta(html, "property", "og:type", "article");
        Meta(html, "property", "og:site_name", SiteName);
        Meta(html, "property", "og:locale", Locale);
        Meta(html, "property", "og:title", Title);
        if (Description is not null)
        {
            Meta(html, "property", "og:description", Description);
        }

        Meta(html, "property", "og:url", CanonicalUrl.AbsoluteUri);
        if (Image is not null)
        {
            Meta(html, "property", "og:image", Image.Url.AbsoluteUri);
            if (Image.Width > 0 && Image.Height > 0)
            {
                Meta(html, "property", "og:image:width", Image.Width.ToString(CultureInfo.InvariantCulture));
                Meta(html, "property", "og:image:height", Image.Height.ToString(CultureInfo.InvariantCulture));
            }

            if (!string.IsNullOrEmpty(Image.Alt))
            {
                Meta(html, "property", "og:image:alt", Image.Alt);
            }
        }

        Meta(html, "property", "article:published_time", Iso(Published));
        Meta(html, "property", "article:modified_time", Iso(Modified));
        if (SectionName is not null)
        {
            Meta(html, "property", "article:section", SectionName);
        }

        foreach (var tag in Tags)
        {
            Meta(html, "property", "article:tag", tag);
        }

        foreach (var author in Authors.Where(a => a.Url is not null))
        {
            Meta(html, "property", "article:author", author.Url!.AbsoluteUri);
        }

        Meta(html, "name", "twitter:card", Image is null ? "summary" : "summary_large_image");
        if (!string.IsNullOrEmpty(TwitterSite))
        {
            Meta(html, "name", "twitter:site", TwitterSite);
        }

        Meta(html, "name", "twitter:title", Title);
        if (Description is not null)
        {
            Meta(html, "name", "twitter:description", Description);
        }

        if (Image is not null)
        {
            Meta(html, "name", "twitter:image", Image.Url.AbsoluteUri);
            if (!string.IsNullOrEmpty(Image.Alt))
            {
                Meta(html, "name", "twitter:image:alt", Image.Alt);
            }
        }

        foreach (var feed in Feeds)
        {
            html.Append("<link rel=\"alternate\" type=\"").Append(Attr(feed.MediaType))
                .Append("\" title=\"").Append(Attr(feed.Title))
                .Append("\" href=\"").Append(Attr(feed.Url.AbsoluteUri)).Append("\">\n");
        }

        html.Append("<script type=\"application/ld+json\">").Append(ScriptJson(ToJsonLd())).Append("</script>\n");
        return html.ToString();
    }

    /// <summary>
    /// JSON safe inside <c>&lt;script&gt;</c>: <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> become <c>\u003C</c>...
    /// so <c>&lt;/script&gt;</c> or <c>&lt;!--</c> in a value cannot end or change the script element, and
    /// U+2028/U+2029 are escaped for older JavaScript parsers. These characters only ever occur inside
    /// JSON strings, where the escapes mean the same characters.
    /// </summary>
    public static string ScriptJson(JsonNode json)
    {
        var text = json.ToJsonString(s_json);
        var safe = new StringBuilder(text.Length + 32);
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => safe.Append("\\u003C"),
                '>' => safe.Append("\\u003E"),
                '&' => safe.Append("\\u0026"),
                '\u2028' => safe.Append("\\u2028"),
                '\u2029' => safe.Append("\\u2029"),
                _ => safe.Append(c),
            };
        }

        return safe.ToString();
    }

    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// For a double-quoted attribute value: <c>&amp; &lt; &gt; " '</c> become references (so a value can
    /// neither end the attribute nor start markup); other text stays readable. U+2028/U+2029 are
    /// written as references too, so the page never carries them raw.
    /// </summary>
    private static string Attr(string value) =>
        WebUtility.HtmlEncode(value).Replace("\u2028", "&#x2028;", StringComparison.Ordinal).Replace("\u2029", "&#x2029;", StringComparison.Ordinal);

    private static void Meta(StringBuilder html, string kind, string name, string content) =>
        html.Append("<meta ").Append(kind).Append("=\"").Append(Attr(name))
            .Append("\" content=\"").Append(Attr(content)).Append("\">\n");

    private static void Link(StringBuilder html, string rel, string href) =>
        html.Append("<link rel=\"").Append(rel).Append("\" href=\"").Append(Attr(href)).Append("\">\n");

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

public sealed record SeoImage(Uri Url, int Width, int Height, string? Alt);

public sealed record SeoPerson(string Name, Uri? Url);

public sealed record SeoFeedLink(string Title, string MediaType, Uri Url);
