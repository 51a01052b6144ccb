using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsroom.Data;

namespace Newsroom.ContentManagement.Caching;

/// <inheritdoc />
public sealed class PublishedCache(NewsroomDbContext db, PublishedCacheStore store, IOptions<PublishedCacheSettings> settings) : IPublishedCache
{
    private readonly bool _enabled = settings.Value.Enabled;

    public async Task<T> GetOrAddAsync<T>(string key, Func<CancellationToken, Task<T>> read, int size = PublishedCacheSettings.DefaultEntrySize, CancellationToken cancellationToken = default)
    {
        if (await BeginAsync(cancellationToken) is not { } token)
        {
            return await read(cancellationToken);
        }

        if (store.TryGet(token, key, out T value))
        {
            return value;
        }

        value = await read(cancellationToken);
        store.Set(token, key, value, size);
        return value;
    }

    public async Task<Dictionary<string, T?>> GetManyAsync<T>(
        IEnumerable<string> ids,
        Func<string, string> keyOf,
        Func<IReadOnlyList<string>, CancellationToken, Task<Dictionary<string, T>>> readMissing,
        Func<T?, int>? sizeOf = null,
        CancellationToken cancellationToken = default)
        where T : class
    {
        var found = new Dictionary<string, T?>(StringComparer.Ordinal);
        var missing = new List<string>();
        var token = await BeginAsync(cancellationToken);
        foreach (var id in ids)
        {
            if (found.ContainsKey(id))
            {
                continue;
            }

            if (token is { } t && store.TryGet(t, keyOf(id), out T? cached))
            {
                found[id] = cached;
            }
            else
            {
                found[id] = null;
                missing.Add(id);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var read = await readMissing(missing, cancellationToken);
        foreach (var id in missing)
        {
            var value = read.GetValueOrDefault(id);
            found[id] = value;
            if (token is { } current)
            {
                store.Set(current, keyOf(id), value, sizeOf?.Invoke(value) ?? PublishedCacheSettings.DefaultEntrySize);
            }
        }

        return found;
    }

    public async ValueTask<PublishedCacheToken?> BeginAsync(CancellationToken cancellationToken = default)
    {
        if (!_enabled || db.InTransaction)
        {
            return null;
        }

        if (store.TryStartRecheck())
        {
            long? stamp = null;
            try
            {
                stamp = await db.Set<PublishedStamp>().AsNoTracking()
                    .Where(s => s.Id == PublishedStamp.RowId)
                    .Select(s => (long?)s.Value)
                    .FirstOrDefaultAsync(cancellationToken) ?? 0;
            }
            finally
            {
                store.Observed(stamp);
            }
        }

        return store.Current;
    }

    public bool TryGet<T>(PublishedCacheToken token, string key, out T value) => store.TryGet(token, key, out value);

    public void Set<T>(PublishedCacheToken token, string key, T value, int size = PublishedCacheSettings.DefaultEntrySize) =>
        store.Set(token, key, value, size);
}
