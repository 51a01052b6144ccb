using Newsroom.Articles.Models;
using Newsroom.ContentManagement;

namespace Newsroom.RelatedLinks.Models;

/// <summary>
/// "Read: headline" inside a body. Points at an internal article by id (so it survives slug changes;
/// the headline follows the target unless <see cref="Headline"/> overrides it) or at an http(s) URL.
/// </summary>
[ContentTypeDiscriminator("relatedLink")]
public sealed class RelatedLinkBlock : BodyBlock
{
    public string Label { get; set; } = DefaultLabel;

    public string? TargetContentItemId { get; set; }

    public string? Url { get; set; }

    public string? Headline { get; set; }

    public const string DefaultLabel = "Read";
}

/// <summary>A reusable related link (the RelatedLink content type), same fields as the block.</summary>
public sealed class RelatedLinkPart : ContentPart
{
    public string Label { get; set; } = RelatedLinkBlock.DefaultLabel;

    public string? TargetContentItemId { get; set; }

    public string? Url { get; set; }

    public string? Headline { get; set; }
}
