namespace Newsroom.Contents.ContentList;

/// <summary>
/// Adds small status badges (e.g. "In review", "Scheduled 2026-11-27 13:00") to the rows of the
/// content list and the dashboard. Called once per page with every id on it: answer with one query,
/// never one per row. Register it scoped.
/// </summary>
public interface IContentListBadgeProvider
{
    Task<IReadOnlyList<ContentListBadge>> GetBadgesAsync(IReadOnlyCollection<string> contentItemIds, TimeZoneInfo zone, CancellationToken cancellationToken);
}

/// <summary>A badge on one item's row; <see cref="Kind"/> is a CSS-friendly word (review, scheduled, ...).</summary>
public sealed record ContentListBadge(string ContentItemId, string Text, string Kind);
