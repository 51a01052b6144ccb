using System.Collections.Concurrent;
using System.Globalization;

namespace Newsroom.ContentManagement.Queries;

/// <summary>
/// The totals of recent content lists, so that paging through the admin list does not count every
/// matching row again on each page (100,000 index entries, a third of the request). A total is
/// dropped when content is written on this node (after the commit: an editor's own change is in the
/// next count) and kept at most <see cref="MaxAgeMilliseconds"/>, which bounds how long a write on
/// another node takes to show. Lists filtered by other modules' indexes (<see cref="ContentListQuery.Restrictions"/>)
/// change without a content write and are always counted.
/// </summary>
public sealed class ContentListTotals
{
    public const int MaxAgeMilliseconds = 1000;

    // Users type the text filter: an upper bound on what a burst of searches can leave behind.
    private const int MaxEntries = 256;

    private readonly ConcurrentDictionary<string, Entry> _totals = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Changes with every content write: a total counted before one is never kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The key of a query's total, or null when its total must always be counted.</summary>
    public static string? KeyOf(ContentListQuery query) =>
        query.Restrictions.Count > 0
            ? null
            : string.Join(
                '\u001f',
                query.Status.ToString(),
                string.Join('\u001e', query.ContentTypes ?? []),
                query.Owner,
                query.ModifiedFromUtc?.Ticks.ToString(CultureInfo.InvariantCulture),
                query.ModifiedToUtc?.Ticks.ToString(CultureInfo.InvariantCulture),
                query.Text?.Trim().ToLowerInvariant());

    public bool TryGet(string key, out int total)
    {
        if (_totals.TryGetValue(key, out var entry)
            && entry.Generation == Generation
            && Environment.TickCount64 - entry.CountedAt < MaxAgeMilliseconds)
        {
            total = entry.Total;
            return true;
        }

        total = 0;
        return false;
    }

    /// <param name="generation">The <see cref="Generation"/> read before counting.</param>
    public void Set(string key, long generation, int total)
    {
        if (_totals.Count >= MaxEntries)
        {
            _totals.Clear();
        }

        _totals[key] = new Entry(generation, Environment.TickCount64, total);
    }

    /// <remarks>
    /// Only the generation moves: the totals it outdates are never read again and are overwritten
    /// by the next count. Emptying the dictionary too cost a lock round and an allocation on every
    /// item of an import (two calls per item).
    /// </remarks>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private readonly record struct Entry(long Generation, long CountedAt, int Total);
}
