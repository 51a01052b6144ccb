namespace Newsroom.ContentManagement.Caching;

/// <summary>
/// Reads of <em>published</em> content shared by every request of this node, kept until published
/// content changes. Any publish, unpublish, removal or restore on this node drops everything when its
/// transaction commits; a change committed by another node is noticed within
/// <see cref="PublishedCacheSettings.RecheckInterval"/> (one small query on a stamp the change bumped).
/// Inside a write transaction every call reads through, so writers always see their own writes.
/// Use it only for what any anonymous reader may see: never drafts, previews or per-user data.
/// Values are shared between requests: treat them as read-only.
/// </summary>
/// <example>
/// <code>
/// public sealed class TagQueries(NewsroomDbContext db, IPublishedCache cache)
/// {
///     public Task&lt;string?&gt; NameAsync(string slug, CancellationToken ct) =>
///         cache.GetOrAddAsync($"tags:name:{slug}", c => db.Set&lt;ArticleTagIndex&gt;()...FirstOrDefaultAsync(c), cancellationToken: ct);
/// }
/// </code>
/// </example>
public interface IPublishedCache
{
    /// <summary>The value under <paramref name="key"/>, read with <paramref name="read"/> when not cached (null is cached too).</summary>
    /// <param name="size">What the value holds in memory, roughly, in bytes; the cache is bounded by their sum.</param>
    Task<T> GetOrAddAsync<T>(string key, Func<CancellationToken, Task<T>> read, int size = PublishedCacheSettings.DefaultEntrySize, CancellationToken cancellationToken = default);

    /// <summary>
    /// The values of several ids: cached ones from the cache, the others with one call of
    /// <paramref name="readMissing"/>. Every id asked is then kept, one not found as null, so a page
    /// that asks again for an unpublished target costs no query. Ids not found map to null.
    /// </summary>
    /// <param name="keyOf">The cache key of an id, e.g. <c>id => "bylines:id:" + id</c>.</param>
    /// <param name="readMissing">Reads the values of the given ids (one query); ids without a value are left out.</param>
    /// <param name="sizeOf">What a value holds in memory, roughly, in bytes (default <see cref="PublishedCacheSettings.DefaultEntrySize"/>).</param>
    Task<Dictionary<string, T?>> GetManyAsync<T>(
        IEnumerable<string> ids,
        Func<string, string> keyOf,
        Func<IReadOnlyList<string>, CancellationToken, Task<Dictionary<string, T>>> readMissing,
        Func<T?, int>? sizeOf = null,
        CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>
    /// The current generation of the cache, for callers that read several keys in one query: take it
    /// <em>before</em> reading the database and hand it to <see cref="Set{T}"/>, so a value read across a
    /// change is not kept. Null inside a write transaction (read through, keep nothing).
    /// </summary>
    ValueTask<PublishedCacheToken?> BeginAsync(CancellationToken cancellationToken = default);

    bool TryGet<T>(PublishedCacheToken token, string key, out T value);

    void Set<T>(PublishedCacheToken token, string key, T value, int size = PublishedCacheSettings.DefaultEntrySize);
}

/// <summary>A generation of the published cache; see <see cref="IPublishedCache.BeginAsync"/>.</summary>
public readonly record struct PublishedCacheToken(long Generation);
