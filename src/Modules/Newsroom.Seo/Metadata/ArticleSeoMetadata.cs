using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;

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
    public JsonObject ToJsonLd() => JsonNode.Parse(JsonLdUtf8().WrittenSpan)!.AsObject();

    // The graph is written straight to UTF-8 (what the page needs), not built as a JsonObject tree
    // first: the tree was most of the head's allocations on every uncached article page.
    private ArrayBufferWriter<byte> JsonLdUtf8()
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = s_json.Encoder });
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteStartArray("@graph");
        WriteNewsArticle(json);
        WriteBreadcrumbs(json);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        return buffer;
    }

    private void WriteNewsArticle(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("@type", "NewsArticle");
        json.WriteString("headline", Title);
        json.WriteStartObject("mainEntityOfPage");
        json.WriteString("@type", "WebPage");
        json.WriteString("@id", CanonicalUrl.AbsoluteUri);
        json.WriteEndObject();
        json.WriteString("url", CanonicalUrl.AbsoluteUri);
        json.WriteString("datePublished", Iso(Published));
        json.WriteString("dateModified", Iso(Modified));
        json.WriteStartObject("publisher");
        json.WriteString("@type", "Organization");
        json.WriteString("name", SiteName);
        json.WriteString("url", SiteUrl.AbsoluteUri);
        if (PublisherLogoUrl is not null)
        {
            json.WriteStartObject("logo");
            json.WriteString("@type", "ImageObject");
            json.WriteString("url", PublisherLogoUrl.AbsoluteUri);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        if (Description is not null)
        {
            json.WriteString("description", Description);
        }

        if (Image is not null)
        {
            json.WriteStartArray("image");
            json.WriteStartObject();
            json.WriteString("@type", "ImageObject");
            json.WriteString("url", Image.Url.AbsoluteUri);
            if (Image.Width > 0 && Image.Height > 0)
            {
                json.WriteNumber("width", Image.Width);
                json.WriteNumber("height", Image.Height);
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartArray("author");
        if (Authors.Count > 0)
        {
            foreach (var author in Authors)
            {
                json.WriteStartObject();
                json.WriteString("@type", "Person");
                json.WriteString("name", author.Name);
                json.WriteString("url", author.Url?.AbsoluteUri); // null when the byline has no page
                json.WriteEndObject();
            }
        }
        else
        {
            json.WriteStartObject();
            json.WriteString("@type", "Organization");
            json.WriteString("name", SiteName);
            json.WriteString("url", SiteUrl.AbsoluteUri);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (SectionName is not null)
        {
            json.WriteString("articleSection", SectionName);
        }

        if (Tags.Count > 0)
        {
            json.WriteStartArray("keywords");
            foreach (var tag in Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private void WriteBreadcrumbs(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("@type", "BreadcrumbList");
        json.WriteStartArray("itemListElement");
        var position = 1;
        WriteCrumb(json, position++, SiteName, SiteUrl);
        if (SectionName is not null && SectionUrl is not null)
        {
            WriteCrumb(json, position++, SectionName, SectionUrl);
        }

        WriteCrumb(json, position, Title, CanonicalUrl);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCrumb(Utf8JsonWriter json, int position, string name, Uri url)
    {
        json.WriteStartObject();
        json.WriteString("@type", "ListItem");
        json.WriteNumber("position", position);
        json.WriteString("name", name);
        json.WriteString("item", url.AbsoluteUri);
        json.WriteEndObject();
    }

    // Set on metadata shared between requests (see ISeoMetadataBuilder.BuildPublishedArticleAsync):
    // the head is then written once, not on every page view.
    private string? _headHtml;

    /// <summary>The head tags, ready to write unencoded (<c>@Html.Raw</c>) into <c>&lt;head&gt;</c>.</summary>
    public string RenderHeadHtml()
    {
        if (_headHtml is { } kept)
        {
            return kept; // no copy of a head that is already written
        }

        // About 3 KB for a typical article: sized once instead of growing through several chunks.
        using var html = new StringWriter(new StringBuilder(4096), CultureInfo.InvariantCulture);
        WriteHeadHtml(html);
        return html.ToString();
    }

    /// <summary>
    /// The head tags as HTML content for a Razor page (<c>@seo.HeadHtml()</c>): written straight into
    /// the response when the page is, without first being built as one string (the largest single
    /// allocation of an uncached article page).
    /// </summary>
    public IHtmlContent HeadHtml() => new HeadContent(this);

    /// <summary>Writes the head tags once and keeps them, for metadata that many requests will render.</summary>
    internal void KeepHeadHtml() => _headHtml = RenderHeadHtml();

    /// <summary>Writes what <see cref="RenderHeadHtml"/> returns to <paramref name="html"/>.</summary>
    public void WriteHeadHtml(TextWriter html)
    {
        if (_headHtml is { } kept)
        {
            html.Write(kept);
            return;
        }

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

        foreach (var author in Authors)
        {
            if (author.Url is not null)
            {
                Meta(html, "property", "article:author", author.Url.AbsoluteUri);
            }
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
            html.Write("<link rel=\"alternate\" type=\"");
            Attr(html, feed.MediaType);
            html.Write("\" title=\"");
            Attr(html, feed.Title);
            html.Write("\" href=\"");
            Attr(html, feed.Url.AbsoluteUri);
            html.Write("\">\n");
        }

        html.Write("<script type=\"application/ld+json\">");
        WriteJsonLd(html);
        html.Write("</script>\n");
    }

    /// <summary>The JSON-LD graph, script-safe (see <see cref="ScriptJson"/>), decoded into a pooled buffer instead of a string.</summary>
    private void WriteJsonLd(TextWriter html)
    {
        var utf8 = JsonLdUtf8().WrittenSpan;
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        try
        {
            var count = Encoding.UTF8.GetChars(utf8, chars);
            WriteScriptSafe(html, chars.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
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
        using var safe = new StringWriter(new StringBuilder(text.Length + 32), CultureInfo.InvariantCulture);
        WriteScriptSafe(safe, text);
        return safe.ToString();
    }

    private static readonly SearchValues<char> s_scriptUnsafe = SearchValues.Create("<>&\u2028\u2029");

    /// <summary>Writes <paramref name="json"/> with the escapes <see cref="ScriptJson"/> describes, copying the safe runs whole.</summary>
    private static void WriteScriptSafe(TextWriter safe, ReadOnlySpan<char> json)
    {
        while (true)
        {
            var next = json.IndexOfAny(s_scriptUnsafe);
            if (next < 0)
            {
                safe.Write(json);
                return;
            }

            safe.Write(json[..next]);
            safe.Write(json[next] switch
            {
                '<' => "\\u003C",
                '>' => "\\u003E",
                '&' => "\\u0026",
                '\u2028' => "\\u2028",
                _ => "\\u2029",
            });
            json = json[(next + 1)..];
        }
    }

    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// For a double-quoted attribute value: <c>&amp; &lt; &gt; " '</c> become references (so a value can
    /// neither end the attribute nor start markup); other text stays readable. U+2028/U+2029 are
    /// written as references too, so the page never carries them raw.
    /// </summary>
    private static void Attr(TextWriter html, string value)
    {
        if (value.AsSpan().IndexOfAny('\u2028', '\u2029') < 0)
        {
            WebUtility.HtmlEncode(value, html);
            return;
        }

        html.Write(WebUtility.HtmlEncode(value).Replace("\u2028", "&#x2028;", StringComparison.Ordinal).Replace("\u2029", "&#x2029;", StringComparison.Ordinal));
    }

    private static void Meta(TextWriter html, string kind, string name, string content)
    {
        html.Write("<meta ");
        html.Write(kind);
        html.Write("=\"");
        Attr(html, name);
        html.Write("\" content=\"");
        Attr(html, content);
        html.Write("\">\n");
    }

    private static void Link(TextWriter html, string rel, string href)
    {
        html.Write("<link rel=\"");
        html.Write(rel);
        html.Write("\" href=\"");
        Attr(html, href);
        html.Write("\">\n");
    }

    /// <summary>Writes the head tags where the page puts them, when the page is written.</summary>
    private sealed class HeadContent(ArticleSeoMetadata metadata) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) => metadata.WriteHeadHtml(writer);
    }

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

public sealed record SeoImage(Uri Url, int Width, int Height, string? Alt);

public sealed record SeoPerson(string Name, Uri? Url);

public sealed record SeoFeedLink(string Title, string MediaType, Uri Url);
