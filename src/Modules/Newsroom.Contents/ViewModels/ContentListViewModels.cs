using Microsoft.AspNetCore.WebUtilities;
using Newsroom.ContentManagement.Metadata;
using Newsroom.ContentManagement.Queries;

namespace Newsroom.Contents.ViewModels;

/// <summary>The content list's query string: every filter is a plain GET parameter, so a filtered list can be bookmarked.</summary>
public sealed class ContentListFilter
{
    public string? Type { get; set; }

    /// <summary>any, draft, published or deleted.</summary>
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
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["q"] = Q,
            ["sort"] = Sort,
            ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString("/admin/content", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}

public sealed record ContentListViewModel(
    ContentListFilter Filter,
    ContentListPage Page,
    int TotalPages,
    IReadOnlyList<ContentTypeDefinition> Types,
    TimeZoneInfo TimeZone,
    string? Message);

public sealed record ContentDashboardList(string Title, string MoreUrl, ContentListPage Page);

/// <summary>An item waiting for its scheduled publish.</summary>
public sealed record ScheduledEntry(string Title, string ContentType, DateTime DueUtc);

public sealed record ContentDashboardViewModel(
    IReadOnlyList<ContentDashboardList> Lists,
    int ScheduledCount,
    IReadOnlyList<ScheduledEntry> Scheduled,
    TimeZoneInfo TimeZone);
