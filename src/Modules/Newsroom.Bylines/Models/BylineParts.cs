using Newsroom.ContentManagement;

namespace Newsroom.Bylines.Models;

/// <summary>The person credited on articles (a Byline item), with an author page at <c>/author/{Slug}</c>.</summary>
public sealed class BylinePart : ContentPart
{
    public string Name { get; set; } = "";

    public string Slug { get; set; } = "";

    /// <summary>"Reporter", "Correspondent", ...</summary>
    public string? Role { get; set; }

    public string? Bio { get; set; }

    public string? PhotoSrc { get; set; }

    public List<BylineLink> Links { get; set; } = [];

    /// <summary>The user account of this person, when they have one.</summary>
    public string? UserName { get; set; }
}

public sealed class BylineLink
{
    public string Label { get; set; } = "";

    public string Url { get; set; } = "";
}

/// <summary>The bylines credited on an article, in order.</summary>
public sealed class BylinesPart : ContentPart
{
    public List<string> BylineIds { get; set; } = [];
}
