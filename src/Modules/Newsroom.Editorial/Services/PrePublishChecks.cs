using Newsroom.Advertising.Models;
using Newsroom.Advertising.Services;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.RelatedLinks.Models;

namespace Newsroom.Editorial.Services;

public enum CheckSeverity
{
    /// <summary>Blocks publishing and scheduling.</summary>
    Error,

    /// <summary>Publishing needs the editor to acknowledge it.</summary>
    Warning,
}

/// <summary>One finding; <see cref="Field"/> is the editor's form field it is about.</summary>
public sealed record PrePublishCheck(CheckSeverity Severity, string Field, string Message);

/// <summary>
/// What must be true before an article goes live, read from the article as it would be published:
/// errors (no byline, an image without alt text or credit, a related link to an article that is not
/// published, more explicit ads than the rules allow) block publishing; warnings (no dek, no SEO
/// description, a body too short for automatic ads) need an acknowledgement.
/// </summary>
public sealed class PrePublishChecks(ArticleQueries articles, IDocumentStore documents)
{
    public async Task<IReadOnlyList<PrePublishCheck>> RunAsync(ContentItem item, CancellationToken cancellationToken = default)
    {
        var checks = new List<PrePublishCheck>();
        var article = item.As<ArticlePart>();
        if (item.As<BylinesPart>().BylineIds.Count == 0)
        {
            checks.Add(new(CheckSeverity.Error, "BylineIds", "Add at least one byline: readers must see who reported this."));
        }

        var lead = item.As<LeadImagePart>();
        if (!string.IsNullOrWhiteSpace(lead.Src))
        {
            CheckImage(checks, "LeadImage", "The lead image", lead.Alt, lead.Credit);
        }

        var settings = AdInsertionSettings.From(await documents.GetAsync<SiteSettings>(cancellationToken));
        var blocks = item.As<BodyPart>().Blocks;
        var adBlocks = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var field = $"Blocks[{i}]";
            switch (blocks[i])
            {
                case ImageBlock image:
                    CheckImage(checks, field, $"Image in block {i + 1}", image.Alt, image.Credit);
                    break;
                case RelatedLinkBlock { TargetContentItemId: { Length: > 0 } target }:
                    if (await articles.FindAsync(target, cancellationToken) is null)
                    {
                        checks.Add(new(CheckSeverity.Error, field, $"Related link in block {i + 1} points at an article that is not published."));
                    }

                    break;
                case RelatedLinkBlock link when string.IsNullOrWhiteSpace(link.Url):
                    checks.Add(new(CheckSeverity.Error, field, $"Related link in block {i + 1} has no target: pick an article or give a URL."));
                    break;
                case AdSlotBlock:
                    adBlocks++;
                    break;
            }
        }

        if (adBlocks > settings.MaxPerArticle)
        {
            checks.Add(new(CheckSeverity.Error, "Blocks", $"The body has {adBlocks} ad slots; the rules allow at most {settings.MaxPerArticle}."));
        }

        if (string.IsNullOrWhiteSpace(article.Dek))
        {
            checks.Add(new(CheckSeverity.Warning, "Dek", "The dek is empty."));
        }

        if (string.IsNullOrWhiteSpace(article.SeoDescription))
        {
            checks.Add(new(CheckSeverity.Warning, "SeoDescription", "The SEO description is empty (search results will show the dek or nothing)."));
        }

        var paragraphs = blocks.Count(b => b is ParagraphBlock);
        if (paragraphs < settings.MinParagraphs)
        {
            checks.Add(new(CheckSeverity.Warning, "Blocks", $"The body has {paragraphs} paragraph{(paragraphs == 1 ? "" : "s")}; articles shorter than {settings.MinParagraphs} get no automatic ads."));
        }

        return checks;
    }

    private static void CheckImage(List<PrePublishCheck> checks, string field, string what, string? alt, string? credit)
    {
        if (string.IsNullOrWhiteSpace(alt))
        {
            checks.Add(new(CheckSeverity.Error, field, $"{what} has no alt text."));
        }

        if (string.IsNullOrWhiteSpace(credit))
        {
            checks.Add(new(CheckSeverity.Error, field, $"{what} has no credit."));
        }
    }
}
