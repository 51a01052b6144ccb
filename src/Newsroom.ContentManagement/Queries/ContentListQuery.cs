using Newsroom.ContentManagement.Records;

namespace Newsroom.ContentManagement.Queries;

/// <summary>
/// A further condition on the version rows a list considers, added by a module that keeps its own index
/// (e.g. "in review" from the workflow's table): typically <c>rows.Where(r => index.Where(...).Select(x => x.ContentItemId).Contains(r.ContentItemId))</c>,
/// which both databases run as an indexed <c>IN (SELECT ...)</c>; a set that holds a large share of all items
/// (a section) should use <see cref="ContentListRestrictions.InLargeSet"/>. It must only filter, never sort or page.
/// </summary>
public delegate IQueryable<ContentItemRecord> ContentListRestriction(IQueryable<ContentItemRecord> rows);

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

    /// <summary>Conditions from other modules' indexes, all of which must hold.</summary>
    public IReadOnlyList<ContentListRestriction> Restrictions { get; init; } = [];

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
