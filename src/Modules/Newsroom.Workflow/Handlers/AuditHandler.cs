using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;
using Newsroom.Workflow.Services;

namespace Newsroom.Workflow.Handlers;

/// <summary>
/// Audits publish, unpublish, delete and restore however they happen (workflow, bulk actions,
/// scheduler), in the same transaction. Under a workflow action the entry carries its name instead.
/// </summary>
public sealed class AuditHandler(AuditLog audit, NewsroomDbContext db) : ContentHandler
{
    public override Task PublishedAsync(PublishContentContext context) => RecordAsync("Published", context);

    public override Task UnpublishedAsync(PublishContentContext context) => RecordAsync("Unpublished", context);

    public override Task RemovedAsync(ContentContext context) => RecordAsync("Deleted", context);

    public override Task RestoredAsync(ContentContext context) => RecordAsync("Restored", context);

    private async Task RecordAsync(string contentEvent, ContentContext context)
    {
        if (audit.RecordContentEvent(contentEvent, context.ContentItem))
        {
            await db.SaveChangesAsync();
        }
    }
}
