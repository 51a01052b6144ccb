using Microsoft.EntityFrameworkCore;
using Newsroom.Contents.ContentList;
using Newsroom.Data;
using Newsroom.Workflow.Indexes;
using Newsroom.Workflow.Models;
using Newsroom.Workflow.Services;

namespace Newsroom.Workflow.ContentList;

/// <summary>"In review", "Changes requested", "Unpublished", "Scheduled …" and "Unpublishes …" on list rows: one query per page.</summary>
public sealed class WorkflowBadges(NewsroomDbContext db) : IContentListBadgeProvider
{
    public async Task<IReadOnlyList<ContentListBadge>> GetBadgesAsync(IReadOnlyCollection<string> contentItemIds, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var rows = await db.Set<WorkflowIndex>().AsNoTracking()
            .Where(w => contentItemIds.Contains(w.ContentItemId)
                && (w.Status == EditorialStatus.InReview || w.Status == EditorialStatus.ChangesRequested || w.Status == EditorialStatus.Unpublished
                    || w.ScheduledPublishUtc != null || w.ScheduledUnpublishUtc != null))
            .Select(w => new { w.ContentItemId, w.Status, w.ScheduledPublishUtc, w.ScheduledUnpublishUtc })
            .ToListAsync(cancellationToken);
        var badges = new List<ContentListBadge>();
        foreach (var row in rows)
        {
            if (row.Status == EditorialStatus.InReview)
            {
                badges.Add(new(row.ContentItemId, "In review", "review"));
            }
            else if (row.Status == EditorialStatus.ChangesRequested)
            {
                badges.Add(new(row.ContentItemId, "Changes requested", "changes"));
            }
            else if (row.Status == EditorialStatus.Unpublished)
            {
                badges.Add(new(row.ContentItemId, "Unpublished", "unpublished"));
            }

            if (row.ScheduledPublishUtc is { } publish)
            {
                badges.Add(new(row.ContentItemId, $"Scheduled {Local(publish, zone)}", "scheduled"));
            }

            if (row.ScheduledUnpublishUtc is { } unpublish)
            {
                badges.Add(new(row.ContentItemId, $"Unpublishes {Local(unpublish, zone)}", "unpublish"));
            }
        }

        return badges;
    }

    private static string Local(DateTime utc, TimeZoneInfo zone) => SiteTime.ToInput(utc, zone).Replace('T', ' ');
}
