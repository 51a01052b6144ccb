using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Newsroom.ContentManagement.Records;
using Newsroom.Data;

namespace Newsroom.ContentManagement.Queries;

/// <summary>
/// Runs <see cref="ContentListQuery"/> on the version table's filtered indexes; never reads the JSON.
/// Totals are reused for up to a second between pages (see <see cref="ContentListTotals"/>).
/// </summary>
public sealed class ContentListService(NewsroomDbContext db, ContentListTotals totals)
{
    public const int MaxPageSize = 200;

    private const string LikeEscape = "\\";

    public async Task<ContentListPage> ListAsync(ContentListQuery query, CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var rows = Filter(db.Set<ContentItemRecord>().AsNoTracking(), query);
        var total = query.IncludeTotal ? await CountAsync(rows, query, cancellationToken) : (int?)null;

        rows = query.Sort switch
        {
            ContentSort.ModifiedAscending => rows.OrderBy(r => r.ModifiedUtc).ThenBy(r => r.Id),
            ContentSort.PublishedDescending => rows.OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.Id),
            _ => rows.OrderByDescending(r => r.ModifiedUtc).ThenByDescending(r => r.Id),
        };
        if (Cursor.TryParse(query.After, out var after))
        {
            rows = query.Sort switch
            {
                ContentSort.ModifiedAscending => rows.Where(r => r.ModifiedUtc > after.Instant || (r.ModifiedUtc == after.Instant && r.Id > after.Id)),
                ContentSort.PublishedDescending => rows.Where(r => r.PublishedUtc < after.Instant || (r.PublishedUtc == after.Instant && r.Id < after.Id)),
                _ => rows.Where(r => r.ModifiedUtc < after.Instant || (r.ModifiedUtc == after.Instant && r.Id < after.Id)),
            };
        }
        else if (page > 1)
        {
            rows = rows.Skip((page - 1) * pageSize);
        }

        var items = await rows.Take(pageSize + 1)
            .Select(r => new { r.Id, Summary = new ContentSummary(r.ContentItemId, r.ContentItemVersionId, r.ContentType, r.DisplayText, r.Owner, r.Author, r.Published, r.Latest, r.ModifiedUtc, r.PublishedUtc) })
            .ToListAsync(cancellationToken);
        string? next = null;
        if (items.Count > pageSize)
        {
            items.RemoveAt(items.Count - 1);
            var last = items[^1];
            var instant = query.Sort == ContentSort.PublishedDescending ? last.Summary.PublishedUtc ?? DateTime.MinValue : last.Summary.ModifiedUtc;
            next = new Cursor(instant, last.Id).ToString();
        }

        return new ContentListPage(items.ConvertAll(i => i.Summary), total, page, pageSize, next);
    }

    private async Task<int> CountAsync(IQueryable<ContentItemRecord> rows, ContentListQuery query, CancellationToken cancellationToken)
    {
        // Inside a transaction the count must see the transaction's own writes, which others must not see.
        if (ContentListTotals.KeyOf(query) is not { } key || db.Database.CurrentTransaction is not null)
        {
            return await rows.CountAsync(cancellationToken);
        }

        if (totals.TryGet(key, out var total))
        {
            return total;
        }

        var generation = totals.Generation;
        total = await rows.CountAsync(cancellationToken);
        totals.Set(key, generation, total);
        return total;
    }

    private IQueryable<ContentItemRecord> Filter(IQueryable<ContentItemRecord> rows, ContentListQuery query)
    {
        rows = query.Status switch
        {
            ContentStatus.Published => rows.Where(r => r.Published && !r.Deleted),
            ContentStatus.Draft => rows.Where(r => r.Latest && !r.Deleted && !r.Published),
            ContentStatus.Deleted => rows.Where(r => r.Latest && r.Deleted),
            _ => rows.Where(r => r.Latest && !r.Deleted),
        };
        if (query.ContentTypes is { Count: > 0 } types)
        {
            rows = types.Count == 1 ? rows.Where(r => r.ContentType == types[0]) : rows.Where(r => types.Contains(r.ContentType));
        }

        if (!string.IsNullOrEmpty(query.Owner))
        {
            rows = rows.Where(r => r.Owner == query.Owner);
        }

        if (query.ModifiedFromUtc is { } from)
        {
            rows = rows.Where(r => r.ModifiedUtc >= from);
        }

        if (query.ModifiedToUtc is { } to)
        {
            rows = rows.Where(r => r.ModifiedUtc < to);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLowerInvariant();

            // On SQLite, LIKE matches exactly what lower() + instr() did (both fold ASCII letters only, and
            // the text is lower-cased already) but folds in place instead of copying every title: a search
            // scans the list index in half the time. PostgreSQL's LIKE minds case, so it keeps lower().
            if (db.IsSqlite)
            {
                var pattern = "%" + EscapeLike(text) + "%";
                rows = rows.Where(r => EF.Functions.Like(r.DisplayText, pattern, LikeEscape));
            }
            else
            {
                rows = rows.Where(r => r.DisplayText != null && r.DisplayText.ToLower().Contains(text));
            }
        }

        foreach (var restriction in query.Restrictions)
        {
            rows = restriction(rows);
        }

        return rows;
    }

    private static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    private readonly record struct Cursor(DateTime Instant, long Id)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Instant.Ticks}.{Id}");

        public static bool TryParse(string? value, out Cursor cursor)
        {
            cursor = default;
            var dot = value?.IndexOf('.', StringComparison.Ordinal) ?? -1;
            if (dot <= 0
                || !long.TryParse(value.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || !long.TryParse(value.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            {
                return false;
            }

            cursor = new Cursor(new DateTime(ticks, DateTimeKind.Utc), id);
            return true;
        }
    }
}
