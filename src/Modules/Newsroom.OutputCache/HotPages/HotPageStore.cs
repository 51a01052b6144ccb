using Microsoft.AspNetCore.OutputCaching;

namespace Newsroom.OutputCache.HotPages;

/// <summary>
/// The output cache store with <see cref="HotPageCache"/> in front for evictions: whatever evicts a
/// tag (publish, unpublish, a byline rename, code calling the store) evicts the hot copies first.
/// </summary>
internal sealed class HotPageStore(IOutputCacheStore inner, HotPageCache hot) : IOutputCacheStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        hot.EvictByTag(tag);
        return inner.EvictByTagAsync(tag, cancellationToken);
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        inner.SetAsync(key, value, tags, validFor, cancellationToken);
}
