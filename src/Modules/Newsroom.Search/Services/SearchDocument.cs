using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;

namespace Newsroom.Search.Services;

/// <summary>The searchable text of one published article.</summary>
public sealed partial record SearchDocument(string ContentItemId, string Headline, string Dek, string Body, string Bylines)
{
    /// <summary>Highlight marks (private-use characters, removed from indexed text so content cannot fake them).</summary>
    public const char MarkOpen = '\uE000';
    public const char MarkClose = '\uE001';

    public static SearchDocument From(ContentItem article, IEnumerable<BylinePart> bylines)
    {
        var part = article.Get<ArticlePart>(nameof(ArticlePart)) ?? new ArticlePart();
        var body = new StringBuilder();
        foreach (var block in article.Get<BodyPart>(nameof(BodyPart))?.Blocks ?? [])
        {
            var text = block switch
            {
                ParagraphBlock p => StripTags(p.Html),
                SubheadingBlock s => s.Text,
                QuoteBlock q => q.Text + " " + q.Attribution,
                ImageBlock i => i.Caption,
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                body.Append(text.Trim()).Append('\n');
            }
        }

        return new SearchDocument(
            article.ContentItemId,
            Clean(part.Headline),
            Clean(part.Dek),
            Clean(body.ToString()),
            Clean(string.Join(", ", bylines.Select(b => b.Name).Where(n => !string.IsNullOrWhiteSpace(n)))));
    }

    private static string StripTags(string html) => WebUtility.HtmlDecode(TagPattern().Replace(html, " "));

    private static string Clean(string? text) =>
        (text ?? "").Replace(MarkOpen, ' ').Replace(MarkClose, ' ').Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}
