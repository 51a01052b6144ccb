using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.Workflow.Indexes;

namespace Newsroom.Workflow.Services;

/// <summary>
/// Writes audit entries through the request's context, so an entry commits or rolls back with the
/// change it records. A workflow action announces itself with <see cref="Begin"/>: the content
/// event it causes (publish, unpublish, remove, restore) is then recorded once, under the action's
/// name and details, instead of twice.
/// </summary>
public sealed class AuditLog(NewsroomDbContext db, IContentActor actor, TimeProvider clock)
{
    private PendingAction? _pending;

    /// <summary>Declares the workflow action now running; dispose the result when it is done.</summary>
    public IDisposable Begin(string action, string? details, string? userName = null)
    {
        var pending = new PendingAction(this, action, details, userName);
        _pending = pending;
        return pending;
    }

    /// <summary>
    /// Records a content event; under a running workflow action, the action's one entry stands for
    /// every event it causes (a delete also unpublishes). Returns true when an entry was added.
    /// </summary>
    public bool RecordContentEvent(string contentEvent, ContentItem item)
    {
        if (_pending is { } pending)
        {
            if (pending.Recorded)
            {
                return false;
            }

            pending.Recorded = true;
            Add(pending.Action, item, pending.Details, pending.UserName);
            return true;
        }

        Add(contentEvent, item, null);
        return true;
    }

    /// <summary>Records the running action unless a content event already did.</summary>
    public async Task CompleteAsync(ContentItem item, CancellationToken cancellationToken = default)
    {
        if (_pending is { Recorded: false } pending)
        {
            pending.Recorded = true;
            Add(pending.Action, item, pending.Details, pending.UserName);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    // Insert-only: an entry is never changed or read back before it is saved.
    public void Add(string action, ContentItem? item, string? details, string? userName = null) =>
        db.AddInsertOnly(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserName = userName ?? actor.Name,
            Action = action,
            ContentItemId = item?.ContentItemId,
            ContentType = item?.ContentType,
            DisplayText = item?.DisplayText,
            Details = details,
        });

    private sealed class PendingAction(AuditLog log, string action, string? details, string? userName) : IDisposable
    {
        public string Action { get; } = action;

        /// <summary>The user the action is done for (the request's user may be absent, e.g. background work).</summary>
        public string? UserName { get; } = userName;

        public string? Details { get; } = details;

        public bool Recorded { get; set; }

        public void Dispose()
        {
            if (ReferenceEquals(log._pending, this))
            {
                log._pending = null;
            }
        }
    }
}
