using Newsroom.ContentManagement.Handlers;
using Newsroom.Workflow.Services;

namespace Newsroom.Workflow.Handlers;

/// <summary>
/// Audits publish, unpublish, delete and restore however they happen (workflow, bulk actions,
/// scheduler), in the same transaction. Under a workflow action the entry carries its name instead.
/// The entry is saved with the write (the content manager saves what handlers add).
/// </summary>
public sealed class AuditHandler(AuditLog audit) : ContentHandler
{
    public override Task PublishedAsync(PublishContentContext context) => RecordAsync("Published", context);

    public override Task UnpublishedAsync(PublishContentContext context) => RecordAsync("Unpublished", context);

    public override Task RemovedAsync(ContentContext context) => RecordAsync("Deleted", context);

    public override Task RestoredAsync(ContentContext context) => RecordAsync("Restored", context);

    private Task RecordAsync(string contentEvent, ContentContext context)
    {
        audit.RecordContentEvent(contentEvent, context.ContentItem);
        return Task.CompletedTask;
    }
}
