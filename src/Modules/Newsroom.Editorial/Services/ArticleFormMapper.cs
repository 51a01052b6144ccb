using System.Globalization;
using Newsroom.Advertising.Models;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.Editorial.ViewModels;
using Newsroom.RelatedLinks.Models;

namespace Newsroom.Editorial.Services;

/// <summary>Between an Article item and the editor's form; also flattens both to named fields for diffs.</summary>
public static class ArticleFormMapper
{
    public static ArticleForm ToForm(ContentItem item)
    {
        var article = item.As<ArticlePart>();
        var lead = item.As<LeadImagePart>();
        return new ArticleForm
        {
            ContentItemId = item.ContentItemId,
            ConcurrencyStamp = item.ConcurrencyStamp,
            Headline = article.Headline,
            Dek = article.Dek,
            Slug = article.Slug,
            Section = article.Section,
            Tags = string.Join(", ", article.Tags),
            SeoTitle = article.SeoTitle,
            SeoDescription = article.SeoDescription,
            LeadImage = new ImageForm { Src = lead.Src, Width = lead.Width, Height = lead.Height, Alt = lead.Alt, Caption = lead.Caption, Credit = lead.Credit },
            BylineIds = [.. item.As<BylinesPart>().BylineIds],
            Blocks = item.As<BodyPart>().Blocks.Select(ToForm).ToList(),
        };
    }

    public static BlockForm ToForm(BodyBlock block) => block switch
    {
        ParagraphBlock p => new BlockForm { Type = "paragraph", Text = p.Html },
        SubheadingBlock s => new BlockForm { Type = "subheading", Text = s.Text },
        QuoteBlock q => new BlockForm { Type = "quote", Text = q.Text, Attribution = q.Attribution },
        ImageBlock i => new BlockForm { Type = "image", Src = i.Src, Width = i.Width, Height = i.Height, Alt = i.Alt, Caption = i.Caption, Credit = i.Credit },
        RelatedLinkBlock r => new BlockForm { Type = "relatedLink", TargetContentItemId = r.TargetContentItemId, Url = r.Url, Headline = r.Headline, Label = r.Label },
        AdSlotBlock a => new BlockForm { Type = "adSlot", SlotId = a.SlotId },
        EmbedBlock e => new BlockForm { Type = "embed", Url = e.Url, Title = e.Title },
        _ => new BlockForm { Type = "unknown" },
    };

    /// <summary>The block a form row stands for; null (with the reason) for an unknown kind.</summary>
    public static BodyBlock? ToBlock(BlockForm form) => form.Type switch
    {
        "paragraph" => new ParagraphBlock { Html = form.Text ?? "" },
        "subheading" => new SubheadingBlock { Text = form.Text ?? "" },
        "quote" => new QuoteBlock { Text = form.Text ?? "", Attribution = Blank(form.Attribution) },
        "image" => new ImageBlock { Src = form.Src ?? "", Width = form.Width, Height = form.Height, Alt = Blank(form.Alt), Caption = Blank(form.Caption), Credit = Blank(form.Credit) },
        "relatedLink" => new RelatedLinkBlock
        {
            // A typed address wins over the picked target: without script it is the only way to change the link
            // (the picker clears the address when an article is picked). Site addresses resolve to an id on save.
            TargetContentItemId = Blank(form.Url) is null ? Blank(form.TargetContentItemId) : null,
            Url = Blank(form.Url),
            Headline = Blank(form.Headline),
            Label = Blank(form.Label) ?? RelatedLinkBlock.DefaultLabel,
        },
        "adSlot" => new AdSlotBlock { SlotId = form.SlotId ?? "" },
        "embed" => new EmbedBlock { Url = form.Url ?? "", Title = Blank(form.Title) },
        _ => null,
    };

    /// <summary>
    /// Writes the form into <paramref name="item"/>'s parts. Publication stamps are kept from the item
    /// (the form never carries them). Returns the indexes of blocks of an unknown kind.
    /// </summary>
    public static IReadOnlyList<int> Apply(ArticleForm form, ContentItem item)
    {
        var article = item.As<ArticlePart>();
        article.Headline = form.Headline ?? "";
        article.Dek = Blank(form.Dek);
        article.Slug = form.Slug?.Trim() ?? "";
        article.Section = Blank(form.Section);
        article.Tags = (form.Tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        article.SeoTitle = Blank(form.SeoTitle);
        article.SeoDescription = Blank(form.SeoDescription);
        item.Apply(article);

        var lead = form.LeadImage;
        item.Apply(Blank(lead.Src) is null
            ? new LeadImagePart()
            : new LeadImagePart { Src = lead.Src!.Trim(), Width = lead.Width, Height = lead.Height, Alt = Blank(lead.Alt), Caption = Blank(lead.Caption), Credit = Blank(lead.Credit) });

        item.Apply(new BylinesPart { BylineIds = form.BylineIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList() });

        var unknown = new List<int>();
        var blocks = new List<BodyBlock>();
        for (var i = 0; i < form.Blocks.Count; i++)
        {
            if (ToBlock(form.Blocks[i]) is { } block)
            {
                blocks.Add(block);
            }
            else
            {
                unknown.Add(i);
            }
        }

        item.Apply(new BodyPart { Blocks = blocks });
        item.DisplayText = article.Headline;
        item.FlushParts();
        return unknown;
    }

    /// <summary>Every value of the form as "field name → text", in form order, for a field-by-field diff.</summary>
    public static IReadOnlyDictionary<string, string> Fields(ArticleForm form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Headline"] = form.Headline ?? "",
            ["Dek"] = form.Dek ?? "",
            ["Slug"] = form.Slug ?? "",
            ["Section"] = form.Section ?? "",
            ["Tags"] = form.Tags ?? "",
            ["Lead image"] = form.LeadImage.Src ?? "",
            ["Lead image alt text"] = form.LeadImage.Alt ?? "",
            ["Lead image caption"] = form.LeadImage.Caption ?? "",
            ["Lead image credit"] = form.LeadImage.Credit ?? "",
            ["Bylines"] = string.Join(", ", form.BylineIds),
            ["SEO title"] = form.SeoTitle ?? "",
            ["SEO description"] = form.SeoDescription ?? "",
        };
        for (var i = 0; i < form.Blocks.Count; i++)
        {
            var b = form.Blocks[i];
            var text = string.Join(" · ", new[] { b.Text, b.Attribution, b.Src, b.Alt, b.Caption, b.Credit, b.Url, b.Title, b.TargetContentItemId, b.Headline, b.SlotId }
                .Where(v => !string.IsNullOrWhiteSpace(v)));
            fields[string.Create(CultureInfo.InvariantCulture, $"Block {i + 1} ({b.Type})")] = text;
        }

        return fields;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
