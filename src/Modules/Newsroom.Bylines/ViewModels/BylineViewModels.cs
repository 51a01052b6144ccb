using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Bylines.ViewModels;

/// <summary>"Reported by: Kunal Gaurav", each name linked to the author page.</summary>
public sealed class ArticleBylinesViewModel : Shape
{
    public IReadOnlyList<BylineLinkViewModel> Bylines { get; init; } = [];
}

public sealed record BylineLinkViewModel(string Name, string Url, string? Role);

public sealed class AuthorPageViewModel
{
    public required string Name { get; init; }

    public string? Role { get; init; }

    public string? Bio { get; init; }

    public string? PhotoSrc { get; init; }

    public IReadOnlyList<Models.BylineLink> Links { get; init; } = [];

    public IReadOnlyList<ContentShape> Articles { get; init; } = [];

    public required Articles.ViewModels.PagerViewModel Pager { get; init; }
}
