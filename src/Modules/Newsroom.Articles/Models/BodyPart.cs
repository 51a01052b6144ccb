using Newsroom.ContentManagement;

namespace Newsroom.Articles.Models;

/// <summary>The article body: an ordered list of blocks.</summary>
public sealed class BodyPart : ContentPart
{
    public List<BodyBlock> Blocks { get; set; } = [];
}

/// <summary>
/// One block of a body. Stored with a <c>type</c> discriminator; modules add block kinds by
/// subclassing with <see cref="ContentTypeDiscriminatorAttribute"/> (e.g. <c>relatedLink</c>, <c>adSlot</c>).
/// </summary>
[ContentPolymorphic("type")]
public abstract class BodyBlock;

/// <summary>A paragraph; <see cref="Html"/> allows only inline formatting (sanitized on save).</summary>
[ContentTypeDiscriminator("paragraph")]
public sealed class ParagraphBlock : BodyBlock
{
    public string Html { get; set; } = "";
}

[ContentTypeDiscriminator("subheading")]
public sealed class SubheadingBlock : BodyBlock
{
    public string Text { get; set; } = "";
}

[ContentTypeDiscriminator("quote")]
public sealed class QuoteBlock : BodyBlock
{
    public string Text { get; set; } = "";

    public string? Attribution { get; set; }
}

[ContentTypeDiscriminator("image")]
public sealed class ImageBlock : BodyBlock
{
    public string Src { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }

    public string? Alt { get; set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }
}

/// <summary>Content from another site (video, map), shown only in a sandboxed frame.</summary>
[ContentTypeDiscriminator("embed")]
public sealed class EmbedBlock : BodyBlock
{
    public string Url { get; set; } = "";

    public string? Title { get; set; }
}
