using System.Collections.Concurrent;

namespace Newsroom.Articles.Services;

/// <summary>
/// How many articles are published, in all and per section, for pagers. Counting reads a whole index
/// (100,000 rows for the home page at 100,000 articles, about 10 ms on SQLite), so the counts are kept
/// in memory: a publish, unpublish or removal on this node drops them when its scope ends (after the
/// commit, see <see cref="Handlers.ArticleIndexHandler"/>), and they are read again at most
/// <see cref="Lifetime"/> later anyway, which bounds how long another node's publish goes unnoticed
/// by the page count.
/// </summary>
public sealed class ArticleCounts
{
    public static TimeSpan Lifetime { get; } = TimeSpan.FromSeconds(10);

    // Key "" is every section.
    private readonly ConcurrentDictionary<string, (int Count, long ReadAt)> _counts = new(StringComparer.Ordinal);
    private long _version;

    public async Task<int> GetAsync(string? section, Func<CancellationToken, Task<int>> count, CancellationToken cancellationToken)
    {
        var key = section ?? "";
        if (_counts.TryGetValue(key, out var known) && Environment.TickCount64 - known.ReadAt < (long)Lifetime.TotalMilliseconds)
        {
            return known.Count;
        }

        var version = Interlocked.Read(ref _version);
        var readAt = Environment.TickCount64;
        var counted = await count(cancellationToken);

        // A count read across a change may be the old one: use it for this page, do not keep it.
        if (Interlocked.Read(ref _version) == version)
        {
            _counts[key] = (counted, readAt);
        }

        return counted;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _counts.Clear();
    }
}
