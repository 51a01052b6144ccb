using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Newsroom.Data;

/// <inheritdoc />
public sealed class DocumentStore(NewsroomDbContext db, DocumentCache cache, TimeProvider clock) : IDocumentStore
{
    public static TimeSpan RecheckInterval { get; } = TimeSpan.FromSeconds(1);

    // Documents read inside the current transaction, by key. A batch import validates every item
    // against the same settings and type definitions; reading and deserialising them again for each
    // item was a query and a JSON parse per item. Scoped to one transaction object: a rollback or a
    // new transaction starts empty, and SaveAsync drops the key it writes.
    private readonly Dictionary<string, object> _transactionReads = new(StringComparer.Ordinal);
    private object? _transactionOfReads;

    public static string KeyOf<T>() => typeof(T).Name;

    public async Task<T> GetAsync<T>(CancellationToken cancellationToken = default) where T : class, new()
    {
        var key = KeyOf<T>();
        // InTransaction, not Database.CurrentTransaction: touching Database sets up the context's EF
        // services, a tenth of the CPU of a page otherwise answered from caches alone.
        if (db.InTransaction)
        {
            // Inside a transaction the document may hold writes that are later rolled back (a
            // failed recipe): read it as this transaction sees it, and never share that in the cache.
            var transaction = db.Database.CurrentTransaction;
            if (!ReferenceEquals(transaction, _transactionOfReads))
            {
                _transactionReads.Clear();
                _transactionOfReads = transaction;
            }

            if (_transactionReads.TryGetValue(key, out var read))
            {
                return (T)read;
            }

            var loaded = (await LoadAsync<T>(key, cancellationToken)).Document;
            _transactionReads[key] = loaded;
            return loaded;
        }

        if (cache.TryGet(key, out var entry) && clock.GetElapsedTime(entry.CheckedAt) < RecheckInterval)
        {
            return (T)entry.Value;
        }

        var storedVersion = await db.Documents.AsNoTracking().Where(d => d.Key == key).Select(d => (long?)d.Version).FirstOrDefaultAsync(cancellationToken) ?? 0;
        if (entry is not null && entry.Version == storedVersion)
        {
            cache.Set(key, entry with { CheckedAt = clock.GetTimestamp() });
            return (T)entry.Value;
        }

        var (document, version) = await LoadAsync<T>(key, cancellationToken);
        cache.Set(key, new DocumentCache.Entry(document, version, clock.GetTimestamp()));
        return document;
    }

    public async Task<T> GetForUpdateAsync<T>(CancellationToken cancellationToken = default) where T : class, new() =>
        (await LoadAsync<T>(KeyOf<T>(), cancellationToken)).Document;

    public async Task SaveAsync<T>(T document, CancellationToken cancellationToken = default) where T : class, new()
    {
        var key = KeyOf<T>();
        _transactionReads.Remove(key);
        var record = await db.Documents.FirstOrDefaultAsync(d => d.Key == key, cancellationToken);
        if (record is null)
        {
            record = new DocumentRecord { Key = key };
            db.Documents.Add(record);
        }

        var json = JsonSerializer.Serialize(document);
        if (record.Json == json && record.Version > 0)
        {
            // Nothing changed: keep the version, so re-running a recipe or a migration is a no-op
            // and other nodes do not reload for nothing.
            return;
        }

        record.Version++;
        record.Json = json;
        record.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(key);
    }

    private async Task<(T Document, long Version)> LoadAsync<T>(string key, CancellationToken cancellationToken) where T : class, new()
    {
        var record = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Key == key, cancellationToken);
        return record is null
            ? (new T(), 0)
            : (JsonSerializer.Deserialize<T>(record.Json) ?? new T(), record.Version);
    }
}

/// <summary>The process's cache of documents, shared by every scope of a shell.</summary>
public sealed class DocumentCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, out Entry entry) => _entries.TryGetValue(key, out entry!);

    public void Set(string key, Entry entry) => _entries[key] = entry;

    public void Remove(string key) => _entries.TryRemove(key, out _);

    public sealed record Entry(object Value, long Version, long CheckedAt);
}
