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

        // Most paragraphs are text with a little well-formed formatting (<em>, <strong>...) that the
        // sanitizer would parse and write back unchanged; two AngleSharp parses per paragraph were
        // the largest CPU cost of an import. Only markup proven to round-trip skips them.
        if (IsCanonicalInline(html))
        {
            return html.Trim();
        }

        return SanitizeInlineWithParser(html);
    }

    /// <summary>
    /// <see cref="SanitizeInline"/> always through the parser and sanitizer, never the shortcuts.
    /// Public so tests can prove the shortcuts return exactly what the parser would.
    /// </summary>
    public static string SanitizeInlineWithParser(string html) => s_inline.Sanitize(DropCode(html)).Trim();

    // Allowed elements without attributes, so nothing about them can be rewritten. <a> is left to
    // the sanitizer: its href needs the scheme check.
    private static readonly string[] s_plainPairedTags = ["em", "strong", "b", "i", "code", "sub", "sup"];

    /// <summary>
    /// True when the parser and sanitizer would return <paramref name="html"/> unchanged (up to the
    /// final Trim): text free of anything the HTML serializer escapes (&amp; &lt; &gt; and U+00A0) or
    /// the parser normalises (CR, NUL, other control characters), and only the lowercase, attribute-less
    /// tags above, properly nested and all closed, plus a bare &lt;br&gt;. Anything else is "no",
    /// which is always safe: it only means the slow path.
    /// </summary>
    public static bool IsCanonicalInline(string html)
    {
        Span<int> open = stackalloc int[16];
        var depth = 0;
        var span = html.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if (c != '<')
            {
                if (c == '&' || c == '>' || c == '\u00A0' || (c < ' ' && c != '\n' && c != '\t'))
                {
                    return false;
                }

                i++;
                continue;
            }

            var end = span[i..].IndexOf('>');
            if (end < 0)
            {
                return false;
            }

            var tag = span.Slice(i + 1, end - 1);
            i += end + 1;
            if (tag.SequenceEqual("br"))
            {
                continue;
            }

            var closing = tag.Length > 0 && tag[0] == '/';
            var name = closing ? tag[1..] : tag;
            var index = -1;
            for (var t = 0; t < s_plainPairedTags.Length && index < 0; t++)
            {
                if (name.SequenceEqual(s_plainPairedTags[t]))
                {
                    index = t;
                }
            }

            if (index < 0)
            {
                return false;
            }

            if (!closing)
            {
                if (depth == open.Length)
                {
                    return false;
                }

                open[depth++] = index;
            }
            else if (depth == 0 || open[--depth] != index)
            {
                // A stray or misnested end tag: the parser repairs it, so the output would differ.
                return false;
            }
        }

        return depth == 0;
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
