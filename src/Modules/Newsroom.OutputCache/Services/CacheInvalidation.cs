using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;

namespace Newsroom.OutputCache.Services;

/// <summary>
/// Collects what a unit of work changed (cache tags, public paths) and evicts it twice: at once
/// (inside the publish transaction) and again when the scope ends, after the commit, so a request
/// that re-cached the old version between the two is thrown away too. The CDN is told once, after
/// the commit. Scoped: one per request or background job.
/// </summary>
public sealed class CacheInvalidation(IOutputCacheStore store, CdnPurgeNotifier cdn, ILogger<CacheInvalidation> logger)
    : IAsyncDisposable, IDisposable
{
    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private bool _flushed;

    public IReadOnlyCollection<string> PendingTags => _tags;

    public IReadOnlyCollection<string> PendingPaths => _paths;

    public async Task InvalidateAsync(IEnumerable<string> tags, IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        var added = tags.Where(_tags.Add).ToList();
        foreach (var path in paths)
        {
            _paths.Add(path);
        }

        _flushed = false;
        await EvictAsync(added, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_flushed || (_tags.Count == 0 && _paths.Count == 0))
        {
            return;
        }

        _flushed = true;
        await EvictAsync(_tags, CancellationToken.None);
        cdn.Notify(_paths);
    }

    /// <summary>A scope disposed synchronously still evicts, without waiting.</summary>
    public void Dispose()
    {
        if (!_flushed && (_tags.Count > 0 || _paths.Count > 0))
        {
            _ = DisposeAsync().AsTask();
        }
    }

    private async Task EvictAsync(IEnumerable<string> tags, CancellationToken cancellationToken)
    {
        foreach (var tag in tags)
        {
            try
            {
                await store.EvictByTagAsync(tag, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A cache that cannot be reached (Redis down) must not fail the publish.
                logger.LogError(ex, "Could not evict the output cache tag {Tag}", tag);
            }
        }
    }
}
