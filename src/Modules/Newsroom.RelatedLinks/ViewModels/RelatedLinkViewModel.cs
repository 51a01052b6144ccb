using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.RelatedLinks.ViewModels;

/// <summary>"Read: headline" inside an article body.</summary>
public sealed class RelatedLinkViewModel : Shape
{
    public string Label { get; init; } = "Read";

    public string Headline { get; init; } = "";

    public string Url { get; init; } = "";

    /// <summary>Links to other sites open with rel="noopener" and say where they go.</summary>
    public bool External { get; init; }
}
