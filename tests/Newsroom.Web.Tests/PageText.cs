using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Newsroom.Web.Tests;

/// <summary>
/// The visible text of a page the way ../shared/tools/seed_fidelity.py reads it: script/style/
/// template text dropped, a line break after each block element, whitespace collapsed per line.
/// </summary>
public static partial class PageText
{
    private static readonly HashSet<string> s_block = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "li", "div", "aside", "section", "article", "header", "footer",
        "figcaption", "time", "span", "br", "blockquote", "nav", "main",
    };

    private static readonly HashSet<string> s_skip = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template" };

    public static string Of(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var builder = new System.Text.StringBuilder();
        Walk(document.DocumentElement, builder);
        var lines = builder.ToString().Split('\n')
            .Select(l => Whitespace().Replace(l, " ").Trim())
            .Where(l => l.Length > 0);
        return string.Join("\n", lines);
    }

    /// <summary>Lower-cased words with curly double quotes made straight, as the tool compares them.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(text.Replace('“', '"').Replace('”', '"').ToLowerInvariant()).Select(m => m.Value).ToList();

    private static void Walk(INode node, System.Text.StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement element when s_skip.Contains(element.LocalName):
                    break;
                case IElement element:
                    Walk(element, builder);
                    if (s_block.Contains(element.LocalName))
                    {
                        builder.Append('\n');
                    }

                    break;
            }
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\w’'.-]+")]
    private static partial Regex WordPattern();
}
