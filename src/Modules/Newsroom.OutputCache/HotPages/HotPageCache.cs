using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace Newsroom.OutputCache.HotPages;

/// <summary>A public page as it was sent: body bytes and the headers to replay (X-Cache excepted; Date kept, as the output cache does).</summary>
public sealed record HotPage(byte[] Body, string ETag, KeyValuePair<string, StringValues>[] Headers, string[] Tags, long StoredAt, long ExpiresAt)
{
    /// <summary>Seconds since the page was stored, for the Age header the output cache sends on its hits too.</summary>
    public long AgeSeconds => (Environment.TickCount64 - StoredAt) / 1000;
}

/// <summary>
/// The rendered bytes of public pages the output cache has stored, kept in process so that a hit
/// is answered before the shell builds a request scope, routes or authenticates
/// (<see cref="PublicPageShortcut"/>). The output cache stays the source of truth: an entry is only
/// added when the output cache stores the same response, and every eviction by tag reaches this
/// cache first (<see cref="HotPageStore"/> wraps the store). Used only with the in-memory store:
/// with Redis several nodes share the cache, and a publish on another node would not reach this one.
/// </summary>
public sealed class HotPageCache(long budgetBytes)
{
    private readonly ConcurrentDictionary<string, HotPage> _pages = new(StringComparer.Ordinal);
    private long _bytes;
    private long _generation;

    /// <summary>Changes on every eviction: a page rendered across one is not added (it may show what was evicted).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public int Count => _pages.Count;

    public bool TryGet(string key, out HotPage page)
    {
        if (_pages.TryGetValue(key, out page!))
        {
            if (Environment.TickCount64 < page.ExpiresAt)
            {
                return true;
            }

            Remove(key, page);
        }

        return false;
    }

    /// <summary>
    /// Adds a page rendered since <paramref name="generation"/>, unless an eviction happened since
    /// or the memory budget is spent (the output cache still serves it then, through the pipeline).
    /// </summary>
    public void Add(string key, HotPage page, long generation)
    {
        if (Generation != generation || Interlocked.Read(ref _bytes) + page.Body.Length > budgetBytes)
        {
            return;
        }

        if (_pages.TryGetValue(key, out var old))
        {
            Remove(key, old);
        }

        if (_pages.TryAdd(key, page))
        {
            Interlocked.Add(ref _bytes, page.Body.Length);

            // An eviction that ran while adding may have missed this page: take it out again.
            if (Generation != generation)
            {
                Remove(key, page);
            }
        }
    }

    /// <summary>Removes every page carrying <paramref name="tag"/>. Publishing evicts a few tags; a scan of the pages held is cheap next to it.</summary>
    public void EvictByTag(string tag)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (key, page) in _pages)
        {
            if (Array.IndexOf(page.Tags, tag) >= 0)
            {
                Remove(key, page);
            }
        }
    }

    private void Remove(string key, HotPage page)
    {
        if (_pages.TryRemove(new KeyValuePair<string, HotPage>(key, page)))
        {
            Interlocked.Add(ref _bytes, -page.Body.Length);
        }
    }
}
