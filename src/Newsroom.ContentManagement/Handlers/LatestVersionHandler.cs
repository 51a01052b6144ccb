namespace Newsroom.ContentManagement.Handlers;

/// <summary>
/// A handler for something kept in step with an item's <em>latest</em> version (what the admin shows),
/// such as an index table the content list filters on. It turns the content events into two: the latest
/// version changed (create and import of a new item, a save that changes the content, restore, a
/// discarded draft, a publish) and the item was removed. Both run in the write's transaction.
/// </summary>
/// <example>
/// <code>
/// public sealed class ArticleLatestIndexHandler(NewsroomDbContext db) : LatestVersionHandler
/// {
///     protected override Task LatestChangedAsync(ContentContext context) { ... upsert the row ... }
///     protected override Task LatestRemovedAsync(ContentContext context) { ... delete the row ... }
/// }
/// </code>
/// </example>
public abstract class LatestVersionHandler : ContentHandler
{
    /// <summary>The item's latest version is now <see cref="ContentContext.ContentItem"/>; <see cref="ContentContext.NewItem"/> says no row can exist yet.</summary>
    protected abstract Task LatestChangedAsync(ContentContext context);

    /// <summary>The item was removed: drop what was kept for it.</summary>
    protected abstract Task LatestRemovedAsync(ContentContext context);

    public sealed override Task CreatedAsync(ContentContext context) => LatestChangedAsync(context);

    public sealed override Task UpdatedAsync(UpdateContentContext context) => LatestChangedAsync(context);

    public sealed override Task RestoredAsync(ContentContext context) => LatestChangedAsync(context);

    public sealed override Task DraftDiscardedAsync(ContentContext context) => LatestChangedAsync(context);

    /// <summary>
    /// The published version is the latest one. Usually the save before it has already been seen, but an
    /// import that brings back a deleted item with unchanged content publishes it without any save event;
    /// the first publish of a new item was seen on create.
    /// </summary>
    public sealed override Task PublishedAsync(PublishContentContext context) =>
        context.NewItem ? Task.CompletedTask : LatestChangedAsync(context);

    public sealed override Task RemovedAsync(ContentContext context) => LatestRemovedAsync(context);
}
