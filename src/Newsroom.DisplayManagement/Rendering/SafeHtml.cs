using Ganss.Xss;
using Microsoft.AspNetCore.Html;

namespace Newsroom.DisplayManagement.Rendering;

/// <summary>
/// Editor HTML is sanitized when it is saved; templates sanitize it again when they print it, so a
/// row written around the editor (an import, an old version) still cannot run script on the site.
/// </summary>
public static class SafeHtml
{
    // Sanitize() is thread-safe once the sanitizer is configured.
    private static readonly HtmlSanitizer s_inline = CreateInline();

    // Parsing every paragraph with AngleSharp on every render was most of an uncached article's CPU.
    // The cache is keyed by the stored HTML itself, not by a version id: whatever wrote the row, what
    // reaches the page is always the sanitizer's output for exactly that input, and nothing needs
    // invalidating when content changes (a changed paragraph is a different key).
    private static readonly SanitizedHtmlCache s_inlineCache = new(html => s_inline.Sanitize(html));

    /// <summary>Inline formatting only: links, emphasis, line breaks.</summary>
    public static IHtmlContent Inline(string? html) => new HtmlString(string.IsNullOrEmpty(html) ? "" : s_inlineCache.Sanitize(html));

    private static HtmlSanitizer CreateInline()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "a", "b", "strong", "i", "em", "u", "s", "sub", "sup", "br", "span", "abbr", "cite", "q", "code", "mark", "small" },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "lang", "dir" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        return new HtmlSanitizer(options);
    }
}
