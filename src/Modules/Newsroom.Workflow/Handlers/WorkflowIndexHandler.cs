using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Models;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;
using Newsroom.Workflow.Indexes;
using Newsroom.Workflow.Models;
using Newsroom.Workflow.Services;

namespace Newsroom.Workflow.Handlers;

/// <summary>
/// Keeps <see cref="WorkflowIndex"/> (status and schedule of the latest version) and
/// <see cref="UpdateLogIndex"/> (the live version's update log) in the write's transaction, and
/// ends the item's preview links when it is published.
/// </summary>
public sealed class WorkflowIndexHandler(NewsroomDbContext db, WorkflowContext workflow, TimeProvider clock) : ContentHandler
{
    public const string ArticleType = "Article";

    // The row a new item's creation staged insert-only (Find does not see it): its publish, in the
    // same write, sets the status on it instead of adding a second row.
    private WorkflowIndex? _newRow;

    public override Task UpdatingAsync(UpdateContentContext context)
    {
        if (workflow.RestoringVersion && context.ContentItem.Has<EditorialPart>())
        {
            // The restored content is a new draft: nothing of the old version's review or schedule carries over.
            var part = context.ContentItem.As<EditorialPart>();
            part.Status = EditorialStatus.Draft;
            part.ScheduledPublishUtc = null;
            part.ScheduledUnpublishUtc = null;
            part.ReviewNote = null;
            part.PendingChangeKind = null;
            part.PendingChangeNote = null;
            part.LastChangeKind = null;
            context.ContentItem.FlushParts();
        }

        return Task.CompletedTask;
    }

    public override Task CreatedAsync(ContentContext context)
    {
        // A row of an earlier write is never taken up again (that write may have rolled back).
        _newRow = null;
        return UpsertAsync(context.ContentItem, null, newItem: context.NewItem);
    }

    public override Task UpdatedAsync(UpdateContentContext context) => UpsertAsync(context.ContentItem, null);

    public override async Task PublishedAsync(PublishContentContext context)
    {
        var item = context.ContentItem;
        if (item.ContentType != ArticleType)
        {
            return;
        }

        await UpsertAsync(item, EditorialStatus.Published, newItem: context.NewItem);
        await ReplaceUpdateLogAsync(item, context.NewItem);
        if (context.NewItem)
        {
            // Created in this write: no preview link can point at it yet.
            return;
        }

        // A shareable preview shows an unpublished draft; once the article is live its links end.
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<PreviewLink>().Where(l => l.ContentItemId == item.ContentItemId && l.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedUtc, now));
    }

    public override async Task UnpublishedAsync(PublishContentContext context)
    {
        if (context.ContentItem.ContentType != ArticleType)
        {
            return;
        }

        var id = context.ContentItem.ContentItemId;
        var row = await db.Set<WorkflowIndex>().FirstOrDefaultAsync(w => w.ContentItemId == id);
        if (row is not null)
        {
            row.Status = EditorialStatus.Unpublished;
            row.ScheduledUnpublishUtc = null;
        }

        db.Set<UpdateLogIndex>().RemoveRange(await db.Set<UpdateLogIndex>().Where(u => u.ContentItemId == id).ToListAsync());
    }

    public override async Task RemovedAsync(ContentContext context)
    {
        var id = context.ContentItem.ContentItemId;
        var row = await db.Set<WorkflowIndex>().FirstOrDefaultAsync(w => w.ContentItemId == id);
        if (row is not null)
        {
            db.Set<WorkflowIndex>().Remove(row);
        }

        db.Set<UpdateLogIndex>().RemoveRange(await db.Set<UpdateLogIndex>().Where(u => u.ContentItemId == id).ToListAsync());
    }

    public override Task RestoredAsync(ContentContext context) => UpsertAsync(context.ContentItem, EditorialStatus.Draft, clearSchedule: true);

    private async Task UpsertAsync(ContentItem item, EditorialStatus? status, bool clearSchedule = false, bool newItem = false)
    {
        if (item.ContentType != ArticleType || item.Deleted)
        {
            return;
        }

        var part = item.Get<EditorialPart>(nameof(EditorialPart)) ?? new EditorialPart();
        WorkflowIndex? row;
        if (newItem)
        {
            // Created in this write: the row its creation staged, or none yet. The content manager
            // saves nothing between a new item's creation and its publish, so the staged row is still
            // unwritten and takes the publish's values.
            row = _newRow?.ContentItemId == item.ContentItemId ? _newRow : null;
            if (row is null)
            {
                row = _newRow = new WorkflowIndex { ContentItemId = item.ContentItemId };
                db.AddInsertOnly(row);
            }
        }
        else
        {
            // FindAsync answers from the tracked row without a query when this write added it.
            row = await db.Set<WorkflowIndex>().FindAsync(item.ContentItemId);
            if (row is null)
            {
                row = new WorkflowIndex { ContentItemId = item.ContentItemId };
                db.Set<WorkflowIndex>().Add(row);
            }
        }

        row.Status = status ?? (part.Status == EditorialStatus.Published && !item.Published ? EditorialStatus.Draft : part.Status);
        row.Owner = item.Owner ?? row.Owner;
        row.DisplayText = item.DisplayText;
        row.ScheduledPublishUtc = clearSchedule || status == EditorialStatus.Published ? null : part.ScheduledPublishUtc;
        row.ScheduledUnpublishUtc = clearSchedule ? null : part.ScheduledUnpublishUtc;
        row.ModifiedUtc = item.ModifiedUtc ?? clock.GetUtcNow().UtcDateTime;
    }

    private async Task ReplaceUpdateLogAsync(ContentItem item, bool newItem)
    {
        var id = item.ContentItemId;
        if (!newItem)
        {
            db.Set<UpdateLogIndex>().RemoveRange(await db.Set<UpdateLogIndex>().Where(u => u.ContentItemId == id).ToListAsync());
        }

        var part = item.Get<EditorialPart>(nameof(EditorialPart));
        var headline = item.Get<ArticlePart>(nameof(ArticlePart))?.Headline ?? item.DisplayText ?? "";
        foreach (var entry in part?.UpdateLog ?? [])
        {
            db.AddRow(
                new UpdateLogIndex
                {
                    ContentItemId = id,
                    Headline = headline,
                    Kind = entry.Kind.ToString(),
                    Note = entry.Note,
                    AtUtc = entry.AtUtc,
                },
                insertOnly: newItem);
        }
    }
}
