using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Data;

namespace Newsroom.Articles.Services;

/// <summary>
/// What a batch import's articles would otherwise ask the article index one by one, read with one
/// query each when the batch starts: which article holds each slug they ask for, and which of their
/// paths have no route yet. It answers only inside that batch's own transaction
/// (<see cref="ContentManagement.Handlers.ImportContext.AllOrNothing"/>), and
/// <see cref="Handlers.ArticleIndexHandler"/>, the only writer of ArticleIndex and ArticleRoutes,
/// reports every slug it gives or takes away and every route it adds: an answer is what the tables
/// hold at that moment, rows written earlier in the same batch included. What was not loaded is
/// unknown: ask the table.
/// </summary>
public sealed class ImportIndexReads
{
    private object? _transaction;

    // Slug → the article holding it, null when free; only slugs that were loaded.
    private readonly Dictionary<string, string?> _slugOwners = new(StringComparer.Ordinal);

    // Article → the loaded slug it holds, to free that slug when the article moves or leaves.
    private readonly Dictionary<string, string> _heldSlugs = new(StringComparer.Ordinal);

    // Loaded paths no route row has. Routes are never deleted, so a path only ever leaves this set.
    private readonly HashSet<string> _pathsWithoutRoute = new(StringComparer.Ordinal);

    /// <summary>Reads, for the open transaction, the owners of <paramref name="slugs"/> and which of <paramref name="paths"/> have a route.</summary>
    public async Task LoadAsync(NewsroomDbContext db, IEnumerable<string> slugs, IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Index reads are loaded inside the batch's transaction.");
        if (!ReferenceEquals(transaction, _transaction))
        {
            _slugOwners.Clear();
            _heldSlugs.Clear();
            _pathsWithoutRoute.Clear();
            _transaction = transaction;
        }

        var wantedSlugs = slugs.Where(s => s.Length > 0 && !_slugOwners.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToList();
        if (wantedSlugs.Count > 0)
        {
            var rows = await db.Set<ArticleIndex>().AsNoTracking()
                .Where(a => wantedSlugs.Contains(a.Slug))
                .Select(a => new { a.Slug, a.ContentItemId })
                .ToListAsync(cancellationToken);
            foreach (var slug in wantedSlugs)
            {
                _slugOwners[slug] = null;
            }

            foreach (var row in rows)
            {
                Hold(row.ContentItemId, row.Slug);
            }
        }

        var wantedPaths = paths.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wantedPaths.Count > 0)
        {
            var routed = await db.Set<ArticleRoute>().AsNoTracking()
                .Where(r => wantedPaths.Contains(r.Path))
                .Select(r => r.Path)
                .ToListAsync(cancellationToken);
            _pathsWithoutRoute.UnionWith(wantedPaths.Except(routed, StringComparer.Ordinal));
        }
    }

    /// <summary>Whether another article holds <paramref name="slug"/>; null when not known here (ask the table).</summary>
    public bool? IsSlugTaken(NewsroomDbContext db, string slug, string contentItemId) =>
        Current(db) && _slugOwners.TryGetValue(slug, out var owner)
            ? owner is not null && !string.Equals(owner, contentItemId, StringComparison.Ordinal)
            : null;

    /// <summary>True when <paramref name="path"/> is known to have no route row; false when it has one or is not known here.</summary>
    public bool HasNoRoute(NewsroomDbContext db, string path) => Current(db) && _pathsWithoutRoute.Contains(path);

    /// <summary>The article's index row now has <paramref name="slug"/> (and no longer the slug it had).</summary>
    public void Indexed(NewsroomDbContext db, string contentItemId, string slug)
    {
        if (!Current(db))
        {
            return;
        }

        Release(contentItemId);
        if (_slugOwners.ContainsKey(slug))
        {
            Hold(contentItemId, slug);
        }
    }

    /// <summary>The article's index row is gone: its slug is free.</summary>
    public void Removed(NewsroomDbContext db, string contentItemId)
    {
        if (Current(db))
        {
            Release(contentItemId);
        }
    }

    /// <summary>A route row for <paramref name="path"/> was added.</summary>
    public void RouteAdded(NewsroomDbContext db, string path)
    {
        if (Current(db))
        {
            _pathsWithoutRoute.Remove(path);
        }
    }

    private bool Current(NewsroomDbContext db) =>
        _transaction is not null && db.InTransaction && ReferenceEquals(db.Database.CurrentTransaction, _transaction);

    private void Hold(string contentItemId, string slug)
    {
        _slugOwners[slug] = contentItemId;
        _heldSlugs[contentItemId] = slug;
    }

    private void Release(string contentItemId)
    {
        if (_heldSlugs.Remove(contentItemId, out var slug) && string.Equals(_slugOwners.GetValueOrDefault(slug), contentItemId, StringComparison.Ordinal))
        {
            _slugOwners[slug] = null;
        }
    }
}
