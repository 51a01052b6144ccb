namespace Newsroom.ContentManagement.Queries;

/// <summary>Filters and paging for a list of content items (latest versions unless <see cref="Status"/> says otherwise).</summary>
public sealed record ContentListQuery
{
    public IReadOnlyList<string>? ContentTypes { get; init; }

    public ContentStatus Status { get; init; } = ContentStatus.Any;

    public string? Owner { get; init; }

    public DateTime? ModifiedFromUtc { get; init; }

    public DateTime? ModifiedToUtc { get; init; }

    /// <summary>Matched anywhere in the display text, ignoring case.</summary>
    public string? Text { get; init; }

    public ContentSort Sort { get; init; } = ContentSort.ModifiedDescending;

    /// <summary>1-based page number; ignored when <see cref="After"/> is given.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    /// <summary>Keyset cursor from a previous page's <see cref="ContentListPage.NextCursor"/>: fast at any depth.</summary>
    public string? After { get; init; }

    /// <summary>Count every match (one more query); off for infinite lists.</summary>
    public bool IncludeTotal { get; init; } = true;
}

public enum ContentStatus
{
    /// <summary>Every item not in the trash.</summary>
    Any,

    /// <summary>Items whose latest version is not published (new drafts and pending changes).</summary>
    Draft,

    /// <summary>Items with a published version.</summary>
    Published,

    /// <summary>Items in the trash.</summary>
    Deleted,
}

public enum ContentSort
{
    ModifiedDescending,
    ModifiedAscending,
    PublishedDescending,
}

/// <summary>One row of a content list: metadata only, no parts.</summary>
public sealed record ContentSummary(
    string ContentItemId,
    string ContentItemVersionId,
    string ContentType,
    string? DisplayText,
    string? Owner,
    string? Author,
    bool Published,
    bool Latest,
    DateTime ModifiedUtc,
    DateTime? PublishedUtc);

public sealed record ContentListPage(IReadOnlyList<ContentSummary> Items, int? Total, int Page, int PageSize, string? NextCursor);
