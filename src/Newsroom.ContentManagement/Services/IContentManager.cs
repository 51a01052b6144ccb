namespace Newsroom.ContentManagement;

/// <summary>
/// Creates, loads, versions and publishes content items. Every write runs in one transaction with
/// its handlers and checks the item's <see cref="ContentItem.ConcurrencyStamp"/>.
/// </summary>
public interface IContentManager
{
    /// <summary>A new unsaved item of <paramref name="contentType"/>, initialized by the handlers.</summary>
    Task<ContentItem> NewAsync(string contentType, CancellationToken cancellationToken = default);

    Task<ContentItem?> GetAsync(string contentItemId, VersionOptions? options = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ContentItem>> GetManyAsync(IEnumerable<string> contentItemIds, VersionOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The content type of each id whose latest version exists and is not deleted (the others are left
    /// out): what a validator checks a reference against. Inside a transaction each id is read once, so
    /// a batch import checking the same bylines or targets for every item asks the database once.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> GetLatestTypesAsync(IEnumerable<string> contentItemIds, CancellationToken cancellationToken = default);

    Task<ContentItem?> GetVersionAsync(string contentItemVersionId, CancellationToken cancellationToken = default);

    /// <summary>Every version of the item, oldest first.</summary>
    Task<IReadOnlyList<ContentItem>> ListVersionsAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>Saves a new item as a draft, or published with <see cref="VersionOptions.Published"/>.</summary>
    Task CreateAsync(ContentItem item, VersionOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the item's changes as the draft: a new version when the latest is published (or the type
    /// is versionable), else onto the draft. The published version, if any, stays as it is.
    /// </summary>
    Task SaveDraftAsync(ContentItem item, CancellationToken cancellationToken = default);

    /// <summary>Saves the item's changes and publishes them; the previously published version is archived.</summary>
    Task PublishAsync(ContentItem item, CancellationToken cancellationToken = default);

    /// <summary>Takes the published version offline; the latest version stays as a draft.</summary>
    Task UnpublishAsync(ContentItem item, CancellationToken cancellationToken = default);

    /// <summary>Drops the draft so the published version is the latest again.</summary>
    Task DiscardDraftAsync(ContentItem item, CancellationToken cancellationToken = default);

    /// <summary>A new draft item with the same content.</summary>
    Task<ContentItem> CloneAsync(ContentItem item, CancellationToken cancellationToken = default);

    /// <summary>Soft delete: unpublishes and moves the item to the trash, keeping every version.</summary>
    Task RemoveAsync(ContentItem item, CancellationToken cancellationToken = default);

    /// <summary>Brings an item back from the trash, as a draft.</summary>
    Task RestoreAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>Makes the content of an old version the new draft (a new version).</summary>
    Task<ContentItem> RestoreVersionAsync(ContentItem latest, string contentItemVersionId, CancellationToken cancellationToken = default);

    /// <summary>Writes an item exactly as given (recipes): identical content is skipped, other content becomes a new version.</summary>
    Task<ImportResult> ImportAsync(ContentItem item, CancellationToken cancellationToken = default);

    /// <summary>
    /// Imports many items, each exactly like <see cref="ImportAsync(ContentItem, CancellationToken)"/>
    /// with every handler, in one transaction (or the one already open): a failing item rolls the
    /// whole batch back and its exception reaches the caller. Faster than one call per item: existing
    /// versions are looked up once for the batch, and what each item tracks is saved and let go
    /// before the next (what the caller tracked before stays tracked). Results are in item order.
    /// </summary>
    Task<IReadOnlyList<ImportResult>> ImportAsync(IEnumerable<ContentItem> items, CancellationToken cancellationToken = default);
}

public enum ImportResult
{
    Created,
    Updated,
    Unchanged,
}
