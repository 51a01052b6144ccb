using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Newsroom.ContentManagement.Caching;

/// <summary>
/// The memory behind <see cref="IPublishedCache"/>, one per shell. A generation number says which
/// entries are current: a change to published content moves it on and drops every entry, and an entry
/// read under an older generation is neither returned nor kept.
/// </summary>
public sealed class PublishedCacheStore : IDisposable
{
    private readonly MemoryCache _entries;
    private readonly TimeProvider _clock;
    private long _generation;
    private long _knownStamp = -1;
    private long _checkedAt;
    private int _rechecking;

    public PublishedCacheStore(IOptions<PublishedCacheSettings> settings, TimeProvider clock)
    {
        _clock = clock;
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, settings.Value.Megabytes) * 1024L * 1024L });
        _checkedAt = clock.GetTimestamp();
    }

    public PublishedCacheToken Current => new(Interlocked.Read(ref _generation));

    /// <summary>Published content changed (on this node, committed): forget everything read before.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>True for the one caller that should read the stamp now; it must call <see cref="Observed"/> after.</summary>
    public bool TryStartRecheck() =>
        (Interlocked.Read(ref _knownStamp) < 0 || _clock.GetElapsedTime(Interlocked.Read(ref _checkedAt)) >= PublishedCacheSettings.RecheckInterval)
        && Interlocked.CompareExchange(ref _rechecking, 1, 0) == 0;

    /// <summary>The stamp as read from the database (null: the read failed); another value than last time means another node changed something.</summary>
    public void Observed(long? stamp)
    {
        if (stamp is { } value && Interlocked.Exchange(ref _knownStamp, value) is var previous && previous >= 0 && previous != value)
        {
            Invalidate();
        }

        Interlocked.Exchange(ref _checkedAt, _clock.GetTimestamp());
        Volatile.Write(ref _rechecking, 0);
    }

    public bool TryGet<T>(PublishedCacheToken token, string key, out T value)
    {
        if (_entries.Get(key) is Entry entry && entry.Generation == token.Generation && entry.Value is T or null)
        {
            value = (T)entry.Value!;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set<T>(PublishedCacheToken token, string key, T value, int size)
    {
        // Read across a change: good for the request that read it, not for later ones.
        if (token.Generation != Interlocked.Read(ref _generation))
        {
            return;
        }

        _entries.Set(key, new Entry(token.Generation, value), new MemoryCacheEntryOptions { Size = Math.Max(1, size) });
    }

    public void Dispose() => _entries.Dispose();

    private sealed record Entry(long Generation, object? Value);
}
