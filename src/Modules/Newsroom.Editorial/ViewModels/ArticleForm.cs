namespace Newsroom.Editorial.ViewModels;

/// <summary>
/// What the article editor posts: every Article field as plain form fields, the body as indexed
/// <c>Blocks[i].*</c> fields (so the form works without script), the concurrency stamp the editor
/// started from and a snapshot of the values it started from (only ever used to show a diff).
/// </summary>
public sealed class ArticleForm
{
    public string? ContentItemId { get; set; }

    public string? ConcurrencyStamp { get; set; }

    /// <summary>JSON of <see cref="Services.ArticleFormMapper.Fields"/> when the editor opened; display only.</summary>
    public string? Original { get; set; }

    public string? Headline { get; set; }

    public string? Dek { get; set; }

    public string? Slug { get; set; }

    public string? Section { get; set; }

    /// <summary>Comma-separated.</summary>
    public string? Tags { get; set; }

    public ImageForm LeadImage { get; set; } = new();

    public List<string> BylineIds { get; set; } = [];

    public List<BlockForm> Blocks { get; set; } = [];

    public string? SeoTitle { get; set; }

    public string? SeoDescription { get; set; }

    /// <summary>The editor read the pre-publish warnings and publishes anyway.</summary>
    public bool AcknowledgeWarnings { get; set; }

    /// <summary>SilentFix, Update, Clarification or Correction, when saving a published article.</summary>
    public string? ChangeKind { get; set; }

    public string? ChangeNote { get; set; }

    /// <summary>datetime-local in the site's time zone.</summary>
    public string? PublishAt { get; set; }
}

public sealed class ImageForm
{
    public string? Src { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public string? Alt { get; set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }
}

/// <summary>
/// One body block, whatever its kind: <see cref="Type"/> says which fields matter (paragraph: Text
/// as inline HTML; subheading: Text; quote: Text + Attribution; image: Src..Credit; relatedLink:
/// TargetContentItemId or Url, Headline, Label; adSlot: SlotId; embed: Url + Title).
/// </summary>
public sealed class BlockForm
{
    public string Type { get; set; } = "paragraph";

    public string? Text { get; set; }

    public string? Attribution { get; set; }

    public string? Src { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public string? Alt { get; set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }

    public string? Url { get; set; }

    public string? Title { get; set; }

    public string? TargetContentItemId { get; set; }

    public string? Headline { get; set; }

    public string? Label { get; set; }

    public string? SlotId { get; set; }

    public static IReadOnlyList<(string Type, string Name)> Kinds { get; } =
    [
        ("paragraph", "Paragraph"),
        ("subheading", "Subheading"),
        ("quote", "Quote"),
        ("image", "Image"),
        ("relatedLink", "Related link"),
        ("adSlot", "Ad slot"),
        ("embed", "Embed"),
    ];
}
