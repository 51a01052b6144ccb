using Newsroom.ContentManagement;

namespace Newsroom.Articles.Models;

/// <summary>What makes an item an article: headline, dek, public address, section and dates.</summary>
public sealed class ArticlePart : ContentPart
{
    /// <summary>Required, at most <see cref="HeadlineMaxLength"/> characters.</summary>
    public string Headline { get; set; } = "";

    /// <summary>The standfirst under the headline.</summary>
    public string? Dek { get; set; }

    /// <summary>Lower-case ASCII words joined by hyphens; unique among published articles.</summary>
    public string Slug { get; set; } = "";

    /// <summary>The slug of a section from the site settings.</summary>
    public string? Section { get; set; }

    public List<string> Tags { get; set; } = [];

    /// <summary>When the article first went live (the public "Published" stamp).</summary>
    public DateTime? PublishedUtc { get; set; }

    /// <summary>The last update readers were told about (the public "Updated" stamp).</summary>
    public DateTime? UpdatedUtc { get; set; }

    public string? SeoTitle { get; set; }

    public string? SeoDescription { get; set; }

    public const int HeadlineMaxLength = 200;
}

/// <summary>The picture at the top of an article.</summary>
public sealed class LeadImagePart : ContentPart
{
    /// <summary>A media path such as <c>/media/sample/x.jpg</c>; empty when the article has no image.</summary>
    public string? Src { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public string? Alt { get; set; }

    public string? Caption { get; set; }

    /// <summary>Shown as "Image: {Credit}".</summary>
    public string? Credit { get; set; }
}
