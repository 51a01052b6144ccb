using System.Text.Json;

namespace Newsroom.ContentManagement.Handlers;

/// <summary>
/// Hooks into every content operation. All of them run inside the operation's transaction: a
/// handler that throws aborts the operation and the exception reaches the caller. Index tables are
/// kept here, through the scoped <c>NewsroomDbContext</c> (same transaction).
/// Override only the events you need.
/// <para>
/// Handlers stage their rows (add, change, remove tracked entities) and do not call SaveChanges: the
/// content manager saves everything the write staged once, at the end of the write (per item in a
/// batch import), and before any step that needs the database to hold it. So a query a handler runs
/// sees what was saved before the event, not what other handlers staged in it; <c>FindAsync</c> also
/// answers from staged rows, except those staged with <c>NewsroomDbContext.AddInsertOnly</c>: the
/// cheap way (no change tracking) to stage rows nothing reads back or changes in the same write, such
/// as a new item's (<see cref="ContentContext.NewItem"/>) index rows.
/// </para>
/// </summary>
/// <example>
/// <code>
/// public sealed class ArticleSlugHandler(NewsroomDbContext db) : ContentHandler
/// {
///     public override Task ValidatingAsync(ValidateContentContext context) { ... context.Fail("ArticlePart.Slug", "is taken"); ... }
///     public override Task PublishedAsync(PublishContentContext context) { ... stage the route index rows (no SaveChanges) ... }
/// }
/// </code>
/// </example>
public abstract class ContentHandler
{
    /// <summary>A new, unsaved item was made by <see cref="IContentManager.NewAsync"/>: set defaults.</summary>
    public virtual Task InitializingAsync(ContentContext context) => Task.CompletedTask;

    /// <summary>
    /// A batch import (<see cref="IContentManager.ImportAsync(IEnumerable{ContentItem}, CancellationToken)"/>)
    /// is about to write these items, one after the other with every event. A chance to read ahead
    /// what their events will ask, in one query for the batch (say, every byline the articles credit,
    /// through <see cref="IContentManager.GetLatestTypesAsync"/>, which remembers it for the
    /// transaction). Nothing may be written or refused here; the items are not validated yet.
    /// </summary>
    public virtual Task ImportingAsync(ImportContext context) => Task.CompletedTask;

    /// <summary>Before any write: add errors to refuse it.</summary>
    public virtual Task ValidatingAsync(ValidateContentContext context) => Task.CompletedTask;

    public virtual Task CreatingAsync(ContentContext context) => Task.CompletedTask;

    public virtual Task CreatedAsync(ContentContext context) => Task.CompletedTask;

    /// <summary>Before a save writes the item's content (as a new version or onto the draft).</summary>
    public virtual Task UpdatingAsync(UpdateContentContext context) => Task.CompletedTask;

    public virtual Task UpdatedAsync(UpdateContentContext context) => Task.CompletedTask;

    public virtual Task PublishingAsync(PublishContentContext context) => Task.CompletedTask;

    public virtual Task PublishedAsync(PublishContentContext context) => Task.CompletedTask;

    public virtual Task UnpublishingAsync(PublishContentContext context) => Task.CompletedTask;

    public virtual Task UnpublishedAsync(PublishContentContext context) => Task.CompletedTask;

    public virtual Task RemovingAsync(ContentContext context) => Task.CompletedTask;

    public virtual Task RemovedAsync(ContentContext context) => Task.CompletedTask;

    public virtual Task RestoredAsync(ContentContext context) => Task.CompletedTask;

    /// <summary>
    /// The pending draft was thrown away: the published version (the item's content here) is the latest
    /// again. Indexes of the latest version must follow; no other event tells them.
    /// </summary>
    public virtual Task DraftDiscardedAsync(ContentContext context) => Task.CompletedTask;
}

public class ContentContext(ContentItem contentItem)
{
    public ContentItem ContentItem { get; } = contentItem;

    /// <summary>
    /// True when the item did not exist before this write (its first version is being created, and
    /// published in the same write if at all). No index row can refer to it yet, so a handler may add
    /// its rows without first looking for old ones: imports of many new items save those queries.
    /// </summary>
    public bool NewItem { get; init; }
}

public sealed class ImportContext(IReadOnlyList<ContentItem> items, bool allOrNothing = false)
{
    /// <summary>The batch, in import order, as given: read parts with <see cref="ContentItem.Peek{T}(string)"/> (no copy is kept, nothing is changed).</summary>
    public IReadOnlyList<ContentItem> Items { get; } = items;

    /// <summary>
    /// True when the batch has its transaction to itself: a failing item rolls all of it back, so
    /// what a handler learns while the batch runs (which rows it wrote) never outlives a write that
    /// did not happen. In a caller's transaction a failed item's save alone is undone and the caller
    /// may go on: there a handler keeps nothing from one item to the next.
    /// </summary>
    public bool AllOrNothing { get; } = allOrNothing;
}

public sealed class ValidateContentContext(ContentItem contentItem, bool publishing) : ContentContext(contentItem)
{
    private readonly List<ContentValidationError> _errors = [];
    private readonly Dictionary<string, WorkingCopy> _parts = new(StringComparer.Ordinal);

    /// <summary>True when the write also publishes (rules such as unique public slugs apply).</summary>
    public bool Publishing { get; } = publishing;

    public IReadOnlyList<ContentValidationError> Errors => _errors;

    /// <summary>Refuses the write. <paramref name="field"/> names the place, e.g. <c>ArticlePart.Headline</c>.</summary>
    public void Fail(string field, string message) => _errors.Add(new ContentValidationError(field, message));

    /// <summary>
    /// The part named after <typeparamref name="T"/> as this validation holds it, or null when the item
    /// has none. Every handler gets the same copy, so each sees what the handlers before it normalised
    /// (trimmed, sanitised, resolved); change it in place. The content manager writes each copy back to
    /// the item after the last handler, only when no handler failed and only when the copy's JSON
    /// changed (an unchanged part keeps its stored JSON exactly, which keeps re-imports no-ops).
    /// </summary>
    /// <example><code>
    /// if (context.Part&lt;BodyPart&gt;() is { } body) { body.Blocks.RemoveAll(b =&gt; b is null); }
    /// </code></example>
    public T? Part<T>() where T : ContentPart
    {
        var name = typeof(T).Name;
        if (_parts.TryGetValue(name, out var held))
        {
            return (T)held.Part;
        }

        if (ContentItem.Copy<T>(name) is not { } part)
        {
            return null;
        }

        _parts[name] = new WorkingCopy(part, JsonSerializer.SerializeToUtf8Bytes(part, part.GetType(), ContentJson.Options));
        return part;
    }

    /// <summary>Stores on the item the working copies that changed (see <see cref="Part{T}"/>).</summary>
    internal void WriteBack()
    {
        foreach (var (name, copy) in _parts)
        {
            var now = JsonSerializer.SerializeToUtf8Bytes(copy.Part, copy.Part.GetType(), ContentJson.Options);
            if (!now.AsSpan().SequenceEqual(copy.Before))
            {
                ContentItem.Store(name, copy.Part);
            }
        }
    }

    private sealed record WorkingCopy(ContentPart Part, byte[] Before);
}

public sealed class UpdateContentContext(ContentItem contentItem, bool newVersion) : ContentContext(contentItem)
{
    /// <summary>True when the save creates a new version rather than changing the draft in place.</summary>
    public bool NewVersion { get; } = newVersion;
}

public sealed class PublishContentContext(ContentItem contentItem, ContentItem? previous) : ContentContext(contentItem)
{
    /// <summary>The version that was published before (on publish), or null.</summary>
    public ContentItem? Previous { get; } = previous;
}
