using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Newsroom.Articles.Services;

/// <summary>
/// Cleans editor-supplied text of body blocks. Paragraph HTML keeps inline formatting only
/// (em, strong, b, i, a[href], br, code, sub, sup); links may be http, https, mailto or relative.
/// Scripts, styles, event handlers and javascript:/data: URLs never survive.
/// </summary>
public static class BodyHtml
{
    // Elements whose content is code or foreign markup, not reader text: dropped with their content
    // (the sanitizer alone would keep a removed element's text, e.g. the source of a script).
    private const string DroppedWithContent = "script, style, iframe, object, embed, noscript, template, svg, math, textarea, select, head, title";

    private static readonly HtmlSanitizer s_inline = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "em", "strong", "b", "i", "a", "br", "code", "sub", "sup" },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        AllowedCssProperties = new HashSet<string>(),
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        AllowedClasses = new HashSet<string>(),
    })
    {
        KeepChildNodes = true,
        AllowDataAttributes = false,
    };

    /// <summary>Paragraph HTML reduced to the allowed inline formatting.</summary>
    public static string SanitizeInline(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        // Plain text is already safe; leaving it byte-for-byte keeps stored content stable.
        if (html.AsSpan().IndexOfAny('<', '&', '>') < 0)
        {
            return html;
        }

        return s_inline.Sanitize(DropCode(html)).Trim();
    }

    /// <summary>Text with every tag removed and entities decoded (subheadings, quotes).</summary>
    public static string ToPlainText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return text;
        }

        var holder = Parse(text);
        foreach (var element in holder.QuerySelectorAll(DroppedWithContent).ToList())
        {
            element.Remove();
        }

        return holder.TextContent.Trim();
    }

    // A parser per call: cheap, and no shared state between requests.
    private static AngleSharp.Dom.IElement Parse(string html)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument("");
        var holder = document.CreateElement("div");
        foreach (var node in parser.ParseFragment(html, document.Body!).ToArray())
        {
            holder.AppendChild(node);
        }

        return holder;
    }

    private static string DropCode(string html)
    {
        var holder = Parse(html);
        var dropped = holder.QuerySelectorAll(DroppedWithContent).ToList();
        if (dropped.Count == 0)
        {
            return html;
        }

        foreach (var element in dropped)
        {
            element.Remove();
        }

        return holder.InnerHtml;
    }
}
