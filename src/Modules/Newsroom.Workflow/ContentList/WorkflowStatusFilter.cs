using Newsroom.ContentManagement.Queries;
using Newsroom.Contents.ContentList;
using Newsroom.Data;
using Newsroom.Workflow.Indexes;
using Newsroom.Workflow.Models;

namespace Newsroom.Workflow.ContentList;

/// <summary>
/// Adds the workflow's statuses to the content list's status filter, answered from <see cref="WorkflowIndex"/>
/// (one row per article, kept in the write's transaction): in review, scheduled (a publish instant is
/// pending) and unpublished (was live, taken down, not published again).
/// </summary>
public sealed class WorkflowStatusFilter(NewsroomDbContext db) : IContentListFilterProvider
{
    public const string Review = "review", Scheduled = "scheduled", Unpublished = "unpublished";

    private static readonly IReadOnlyList<ContentListFilterControl> s_controls =
    [
        new(ContentListFilters.StatusName, "Status", [new(Review, "In review"), new(Scheduled, "Scheduled"), new(Unpublished, "Unpublished")]),
    ];

    public Task<IReadOnlyList<ContentListFilterControl>> GetControlsAsync(CancellationToken cancellationToken) => Task.FromResult(s_controls);

    public ContentListRestriction? GetRestriction(IReadOnlyDictionary<string, string> values)
    {
        var index = db.Set<WorkflowIndex>();
        IQueryable<WorkflowIndex>? matching = values.GetValueOrDefault(ContentListFilters.StatusName)?.ToLowerInvariant() switch
        {
            Review => index.Where(w => w.Status == EditorialStatus.InReview),
            Scheduled => index.Where(w => w.ScheduledPublishUtc != null),
            Unpublished => index.Where(w => w.Status == EditorialStatus.Unpublished),
            _ => null,
        };
        if (matching is null)
        {
            return null;
        }

        // IN (SELECT ...): the small set of matching index rows drives the lookup of their versions.
        var ids = matching.Select(w => w.ContentItemId);
        return rows => rows.Where(r => ids.Contains(r.ContentItemId));
    }
}
