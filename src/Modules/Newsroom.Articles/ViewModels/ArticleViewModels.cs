using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Articles.ViewModels;

/// <summary>The section label above the headline ("World").</summary>
public sealed class ArticleSectionViewModel : Shape
{
    public string Name { get; init; } = "";

    public string Url { get; init; } = "";
}

/// <summary>"Updated October 3rd, 2020 at 13:01 IST".</summary>
public sealed class ArticleUpdatedViewModel : Shape
{
    public DateTime UpdatedUtc { get; init; }
}

public sealed class ArticleHeadlineViewModel : Shape
{
    public string Headline { get; init; } = "";

    public string? Dek { get; init; }
}

/// <summary>"Published October 3rd, 2020 at 13:01 IST" and the tags, at the end of the article.</summary>
public sealed class ArticlePublishedViewModel : Shape
{
    public DateTime PublishedUtc { get; init; }

    public IReadOnlyList<TagLink> Tags { get; init; } = [];
}

public sealed record TagLink(string Name, string Url);

/// <summary>The lead image: full width in the article, a thumbnail in lists.</summary>
public sealed class LeadImageViewModel : Shape
{
    public string Src { get; init; } = "";

    public int Width { get; init; }

    public int Height { get; init; }

    public string Alt { get; init; } = "";

    public string? Caption { get; init; }

    public string? Credit { get; init; }

    /// <summary>Where a thumbnail links to (summaries).</summary>
    public string? Url { get; init; }
}

/// <summary>An article in a list: headline linked to its page, dek, section and date.</summary>
public sealed class ArticleSummaryViewModel : Shape
{
    public string Headline { get; init; } = "";

    public string? Dek { get; init; }

    public string Url { get; init; } = "";

    public string? SectionName { get; init; }

    public string? SectionUrl { get; init; }

    public DateTime PublishedUtc { get; init; }
}

/// <summary>The body: one shape per block, in reading order (ads and related links included).</summary>
public sealed class ArticleBodyViewModel : Shape
{
    public IReadOnlyList<Shape> Blocks { get; init; } = [];
}

public sealed class ParagraphBlockViewModel : Shape
{
    /// <summary>Inline HTML; sanitized again when printed.</summary>
    public string Html { get; init; } = "";
}

public sealed class SubheadingBlockViewModel : Shape
{
    public string Text { get; init; } = "";
}

public sealed class QuoteBlockViewModel : Shape
{
    public string Text { get; init; } = "";

    public string? Attribution { get; init; }
}

public sealed class ImageBlockViewModel : Shape
{
    public string Src { get; init; } = "";

    public int Width { get; init; }

    public int Height { get; init; }

    public string Alt { get; init; } = "";

    public string? Caption { get; init; }

    public string? Credit { get; init; }
}

/// <summary>Content from another site, shown only in a sandboxed frame.</summary>
public sealed class EmbedBlockViewModel : Shape
{
    public string Src { get; init; } = "";

    public string Title { get; init; } = "Embedded content";
}
