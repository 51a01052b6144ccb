using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Newsroom.ContentManagement.Handlers;
using Newsroom.Data;

namespace Newsroom.ContentManagement.Caching;

/// <summary>
/// Every change to published content bumps the stamp in its own transaction (once per transaction, so
/// a batch import costs one update) and empties this node's <see cref="IPublishedCache"/> when it commits.
/// </summary>
internal sealed class PublishedStampHandler(NewsroomDbContext db, PublishedCacheStore store) : ContentHandler
{
    private IDbContextTransaction? _bumpedIn;

    public override Task PublishedAsync(PublishContentContext context) => BumpAsync();

    public override Task UnpublishedAsync(PublishContentContext context) => BumpAsync();

    public override Task RemovedAsync(ContentContext context) => BumpAsync();

    public override Task RestoredAsync(ContentContext context) => BumpAsync();

    private async Task BumpAsync()
    {
        var transaction = db.Database.CurrentTransaction;
        if (transaction is not null && ReferenceEquals(transaction, _bumpedIn))
        {
            return;
        }

        _bumpedIn = transaction;
        await db.Set<PublishedStamp>()
            .Where(s => s.Id == PublishedStamp.RowId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, x => x.Value + 1));
        db.AfterCommit(store.Invalidate);
    }
}
