using Microsoft.EntityFrameworkCore;
using Newsroom.Articles.Indexes;
using Newsroom.Data;

namespace Newsroom.Articles.Services;

/// <summary>
/// Which published article holds each slug a batch import's articles ask for, read with one query
/// when the batch starts instead of one per article. It answers only inside that batch's own
/// transaction (<see cref="ContentManagement.Handlers.ImportContext.AllOrNothing"/>), and
/// <see cref="Handlers.ArticleIndexHandler"/>, the only writer of ArticleIndex, reports every slug it
/// gives an article or takes away: an answer is what the table holds at that moment, rows written
/// earlier in the same batch included. A slug it was not asked to load is unknown: ask the table.
/// </summary>
public sealed class ImportSlugOwners
{
    private object? _transaction;

    // Slug → the article holding it, null when free; only slugs that were loaded.
    private readonly Dictionary<string, string?> _owners = new(StringComparer.Ordinal);

    // Article → the loaded slug it holds, to free that slug when the article moves or leaves.
    private readonly Dictionary<string, string> _held = new(StringComparer.Ordinal);

    /// <summary>Reads the owners of <paramref name="slugs"/> for the open transaction.</summary>
    public async Task LoadAsync(NewsroomDbContext db, IEnumerable<string> slugs, CancellationToken cancellationToken = default)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Slug owners are loaded inside the batch's transaction.");
        if (!ReferenceEquals(transaction, _transaction))
        {
            _owners.Clear();
            _held.Clear();
            _transaction = transaction;
        }

        var wanted = slugs.Where(s => s.Length > 0 && !_owners.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var rows = await db.Set<ArticleIndex>().AsNoTracking()
            .Where(a => wanted.Contains(a.Slug))
            .Select(a => new { a.Slug, a.ContentItemId })
            .ToListAsync(cancellationToken);
        foreach (var slug in wanted)
        {
            _owners[slug] = null;
        }

        foreach (var row in rows)
        {
            Hold(row.ContentItemId, row.Slug);
        }
    }

    /// <summary>Whether another article holds <paramref name="slug"/>; null when not known here (ask the table).</summary>
    public bool? IsTaken(NewsroomDbContext db, string slug, string contentItemId) =>
        Current(db) && _owners.TryGetValue(slug, out var owner)
            ? owner is not null && !string.Equals(owner, contentItemId, StringComparison.Ordinal)
            : null;

    /// <summary>The article's index row now has <paramref name="slug"/> (and no longer the slug it had).</summary>
    public void Indexed(NewsroomDbContext db, string contentItemId, string slug)
    {
        if (!Current(db))
        {
            return;
        }

        Release(contentItemId);
        if (_owners.ContainsKey(slug))
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

    private bool Current(NewsroomDbContext db) =>
        _transaction is not null && db.InTransaction && ReferenceEquals(db.Database.CurrentTransaction, _transaction);

    private void Hold(string contentItemId, string slug)
    {
        _owners[slug] = contentItemId;
        _held[contentItemId] = slug;
    }

    private void Release(string contentItemId)
    {
        if (_held.Remove(contentItemId, out var slug) && string.Equals(_owners.GetValueOrDefault(slug), contentItemId, StringComparison.Ordinal))
        {
            _owners[slug] = null;
        }
    }
}
