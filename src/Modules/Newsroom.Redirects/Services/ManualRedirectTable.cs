using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Newsroom.Data;
using Newsroom.Redirects.Models;

namespace Newsroom.Redirects.Services;

/// <summary>
/// The manual redirects of the site, held in memory: the middleware asks for one on every GET of a
/// page route, and a query per request cost more than the lookup is worth. The table is read again
/// when <see cref="ManualRedirectsRevision"/> (bumped in the transaction of every change) differs from
/// the one it was read at, which another node notices within <see cref="DocumentStore.RecheckInterval"/>;
/// a change on this node drops it after its commit (<see cref="Invalidate"/>), so the next request sees it.
/// </summary>
internal sealed class ManualRedirectTable
{
    private Snapshot? _current;
    private long _generation;

    public async Task<ManualRedirect?> FindAsync(string path, NewsroomDbContext db, IDocumentStore documents, CancellationToken cancellationToken)
    {
        // The revision is read before the rows: rows newer than their revision only cost one more read later.
        var revision = (await documents.GetAsync<ManualRedirectsRevision>(cancellationToken)).Value;
        var snapshot = Volatile.Read(ref _current);
        if (snapshot is null || snapshot.Revision != revision)
        {
            var generation = Interlocked.Read(ref _generation);
            var rows = await db.Set<ManualRedirect>().AsNoTracking().ToListAsync(cancellationToken);
            snapshot = new Snapshot(revision, rows.ToFrozenDictionary(r => r.Path, StringComparer.Ordinal));

            // Rows read across a change on this node may be the old ones: answer with them, do not keep them.
            if (Interlocked.Read(ref _generation) == generation)
            {
                Volatile.Write(ref _current, snapshot);
            }
        }

        return snapshot.ByPath.GetValueOrDefault(path);
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _current, null);
    }

    private sealed record Snapshot(long Revision, FrozenDictionary<string, ManualRedirect> ByPath);
}

/// <summary>Stored document whose <see cref="Value"/> changes with every change of the manual redirects.</summary>
public sealed class ManualRedirectsRevision
{
    public long Value { get; set; }
}
