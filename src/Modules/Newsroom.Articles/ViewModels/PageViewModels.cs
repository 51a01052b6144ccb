using Newsroom.Articles.Indexes;
using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Articles.ViewModels;

public sealed class ArticlePageViewModel
{
    public required ContentShape Article { get; init; }

    /// <summary>The published version shown, for what the theme puts in the head (structured data).</summary>
    public required ContentItem Item { get; init; }

    /// <summary>The article's current public path.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// True on the public page of the published version; false in previews, which may show a draft or
    /// unsaved changes. Only a public view may use what is shared between readers (the SEO head).
    /// </summary>
    public bool IsPublicView { get; init; }

    /// <summary>The rail beside the article: "More in {section}" (or "Latest" without a section).</summary>
    public string MoreTitle { get; init; } = "Latest";

    public IReadOnlyList<(ArticleIndex Article, string Url)> More { get; init; } = [];
}

public sealed class HomePageViewModel
{
    public ContentShape? Lead { get; init; }

    public IReadOnlyList<ContentShape> Latest { get; init; } = [];

    public IReadOnlyList<SectionBlockViewModel> Sections { get; init; } = [];

    public required PagerViewModel Pager { get; init; }
}

public sealed class SectionBlockViewModel
{
    public required SectionSettings Section { get; init; }

    public IReadOnlyList<ContentShape> Articles { get; init; } = [];
}

/// <summary>A paged list of articles: section, tag and author pages.</summary>
public sealed class ArticleListPageViewModel
{
    public required string Title { get; init; }

    /// <summary>"Section", "Tag", "Author": shown above the title.</summary>
    public string? Kicker { get; init; }

    public string? Intro { get; init; }

    public IReadOnlyList<ContentShape> Articles { get; init; } = [];

    public required PagerViewModel Pager { get; init; }
}

public sealed record PagerViewModel(string BasePath, int Page, int PageCount)
{
    public string? PreviousUrl => Page > 1 ? UrlFor(Page - 1) : null;

    public string? NextUrl => Page < PageCount ? UrlFor(Page + 1) : null;

    public string UrlFor(int page) => page <= 1 ? BasePath : $"{BasePath}?page={page}";
}

public sealed class NotFoundViewModel
{
    public IReadOnlyList<(ArticleIndex Article, string Url)> Latest { get; init; } = [];

    public IReadOnlyList<SectionSettings> Sections { get; init; } = [];
}
