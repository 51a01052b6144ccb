using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;

namespace Newsroom.ContentManagement.Queries;

/// <summary>Drops this node's list totals once a content write commits (see <see cref="ContentListTotals"/>).</summary>
internal sealed class ContentListTotalsHandler(NewsroomDbContext db, ContentListTotals totals) : ContentHandler
{
    public override Task CreatedAsync(ContentContext context) => ChangedAsync();

    public override Task UpdatedAsync(UpdateContentContext context) => ChangedAsync();

    public override Task PublishedAsync(PublishContentContext context) => ChangedAsync();

    public override Task UnpublishedAsync(PublishContentContext context) => ChangedAsync();

    public override Task RemovedAsync(ContentContext context) => ChangedAsync();

    public override Task RestoredAsync(ContentContext context) => ChangedAsync();

    public override Task DraftDiscardedAsync(ContentContext context) => ChangedAsync();

    private Task ChangedAsync()
    {
        // Now as well as after the commit: a count that starts in between sees the old rows, and
        // the second drop keeps it from being reused.
        totals.Invalidate();
        db.AfterCommit(totals.Invalidate);
        return Task.CompletedTask;
    }
}
