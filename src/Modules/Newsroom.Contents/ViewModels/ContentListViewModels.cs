using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Newsroom.ContentManagement.Metadata;
using Newsroom.ContentManagement.Queries;
using Newsroom.Contents.ContentList;

namespace Newsroom.Contents.ViewModels;

/// <summary>The content list's query string: every filter is a plain GET parameter, so a filtered list can be bookmarked.</summary>
public sealed class ContentListFilter
{
    public string? Type { get; set; }

    /// <summary>Empty (any), draft, published or deleted, or a status a filter provider adds (review, scheduled, ...).</summary>
    public string? Status { get; set; }

    public string? Owner { get; set; }

    /// <summary>First day (in the site's time zone) of the modified-date range.</summary>
    public DateOnly? From { get; set; }

    /// <summary>Last day, inclusive.</summary>
    public DateOnly? To { get; set; }

    public string? Q { get; set; }

    /// <summary>modified (newest first, default), modified-asc or published.</summary>
    public string? Sort { get; set; }

    public int Page { get; set; } = 1;

    /// <summary>Values of the controls that filter providers add (section, byline, ...), by control name.</summary>
    [BindNever]
    public Dictionary<string, string> Extra { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The current value of a provider's control (or of the status).</summary>
    public string? Value(string name) =>
        string.Equals(name, ContentListFilters.StatusName, StringComparison.OrdinalIgnoreCase) ? Status : Extra.GetValueOrDefault(name);

    public ContentStatus ParsedStatus => Status?.ToLowerInvariant() switch
    {
        "draft" => ContentStatus.Draft,
        "published" => ContentStatus.Published,
        "deleted" => ContentStatus.Deleted,
        _ => ContentStatus.Any,
    };

    public ContentSort ParsedSort => Sort?.ToLowerInvariant() switch
    {
        "modified-asc" => ContentSort.ModifiedAscending,
        "published" => ContentSort.PublishedDescending,
        _ => ContentSort.ModifiedDescending,
    };

    /// <summary>The list URL with these filters and <paramref name="page"/>.</summary>
    public string Url(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["type"] = Type,
            ["status"] = Status,
            ["owner"] = Owner,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["q"] = Q,
            ["sort"] = Sort,
        };
        foreach (var (name, value) in Extra)
        {
            query.TryAdd(name.ToLowerInvariant(), value);
        }

        query["page"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null;
        return QueryHelpers.AddQueryString("/admin/content", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}

public sealed record ContentListViewModel(
    ContentListFilter Filter,
    ContentListPage Page,
    int TotalPages,
    IReadOnlyList<ContentTypeDefinition> Types,
    IReadOnlyList<ContentListFilterControl> Controls,
    ILookup<string, ContentListBadge> Badges,
    TimeZoneInfo TimeZone,
    string? Message);

/// <summary>One dashboard list: its first items, its count, and the content list it opens.</summary>
public sealed record ContentDashboardList(string Title, string MoreUrl, ContentListPage Page, ILookup<string, ContentListBadge> Badges);

public sealed record ContentDashboardViewModel(IReadOnlyList<ContentDashboardList> Lists, TimeZoneInfo TimeZone);
