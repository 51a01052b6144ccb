using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Newsroom.Articles.Indexes;
using Newsroom.ContentManagement.Caching;
using Newsroom.Data;
using Newsroom.Seo.Services;

namespace Newsroom.Search.Services;

/// <summary>Reader search over published articles.</summary>
public interface ISearchService
{
    /// <summary>
    /// One page (from 1) of the published articles matching <paramref name="query"/>, best first. Any
    /// input is accepted: it is reduced to plain words; no words means no results.
    /// </summary>
    Task<SearchResults> SearchAsync(string? query, int page = 1, CancellationToken cancellationToken = default);
}

public sealed record SearchResults(string Query, IReadOnlyList<string> Terms, int Page, int PageSize, int Total, IReadOnlyList<SearchHit> Hits)
{
    public int TotalPages => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;

    public bool HasPrevious => Page > 1 && Total > 0;

    public bool HasNext => Page < TotalPages;
}

/// <summary>One result. The <c>*Html</c> values are HTML-encoded, with <c>&lt;mark&gt;</c> around matches.</summary>
public sealed record SearchHit(
    string ContentItemId,
    string Path,
    string HeadlineHtml,
    string DekHtml,
    string SnippetHtml,
    string Bylines,
    string? Section,
    DateTime PublishedUtc);

internal sealed class SearchService(NewsroomDbContext db, ISiteUrls urls, IPublishedCache cache) : ISearchService
{
    public const int PageSize = 10;
    public const int MaxPage = 500;

    public async Task<SearchResults> SearchAsync(string? query, int page = 1, CancellationToken cancellationToken = default)
    {
        var shown = query is null ? "" : (query.Length > SearchQuery.MaxInputLength ? query[..SearchQuery.MaxInputLength] : query);
        page = Math.Clamp(page, 1, MaxPage);
        var terms = SearchQuery.Terms(query);
        if (terms.Count == 0)
        {
            return new SearchResults(shown, terms, page, PageSize, 0, []);
        }

        // Results are public content: kept until published content changes. A common word costs
        // ~85 ms at 100,000 articles (every match is ranked), and readers search the news of the day.
        // Pages without results are not kept, so random queries cannot push out the cache's content.
        var match = db.IsSqlite ? SearchQuery.ToFts5(terms) : SearchQuery.ToPlainText(terms);
        var key = $"search:{page}:{match}";
        var token = await cache.BeginAsync(cancellationToken);
        if (token is not { } t || !cache.TryGet(t, key, out ResultPage? found) || found is null)
        {
            found = await QueryAsync(match, page, cancellationToken);
            if (found.Total > 0 && token is { } current)
            {
                cache.Set(current, key, found, 512 + found.Hits.Sum(h => h.SnippetHtml.Length + h.HeadlineHtml.Length + h.DekHtml.Length) * 2);
            }
        }

        return new SearchResults(shown, terms, page, PageSize, found.Total, found.Hits);
    }

    private sealed record ResultPage(int Total, IReadOnlyList<SearchHit> Hits);

    private async Task<ResultPage> QueryAsync(string match, int page, CancellationToken cancellationToken)
    {
        var (total, rows) = db.IsSqlite
            ? await QuerySqliteAsync(match, page, cancellationToken)
            : await QueryPostgresAsync(match, page, cancellationToken);
        var paths = await urls.ArticlePathsAsync(rows.Select(r => r.Index).ToList(), cancellationToken);
        var hits = rows.Select(r => new SearchHit(
            r.Index.ContentItemId,
            paths[r.Index.ContentItemId],
            Highlighter.ToHtml(r.Headline),
            Highlighter.ToHtml(r.Dek),
            Highlighter.ToHtml(r.Snippet),
            r.Bylines,
            r.Index.Section,
            r.Index.PublishedUtc)).ToList();
        return new ResultPage(total, hits);
    }

    private sealed record Row(ArticleIndex Index, string Headline, string Dek, string Snippet, string Bylines);

    private const string Open = "\uE000";
    private const string Close = "\uE001";

    private async Task<(int Total, List<Row> Rows)> QuerySqliteAsync(string match, int page, CancellationToken cancellationToken)
    {
        // bm25 weights per column: ContentItemId (unindexed), Headline, Dek, Body, Bylines.
        // The page is ranked inside the FTS table alone and only its rows are joined to ArticleIndex:
        // joining every match before ranking (and before counting) cost ~10x more on a common word.
        // ArticleSearch holds exactly the published articles (kept in the publish transaction), so
        // the count needs no join either. Ties in rank fall back to the newer row within the page.
        const string Rank = """bm25("ArticleSearch", 0.0, 10.0, 4.0, 1.0, 4.0)""";
        const string Select = $"""
            SELECT a."ContentItemId", a."Slug", a."Section", a."Headline", a."PublishedUtc",
                   highlight("ArticleSearch", 1, @open, @close),
                   highlight("ArticleSearch", 2, @open, @close),
                   snippet("ArticleSearch", 3, @open, @close, '…', 30),
                   "ArticleSearch"."Bylines"
            FROM "ArticleSearch"
            JOIN "ArticleIndex" a ON a."ContentItemId" = "ArticleSearch"."ContentItemId"
            WHERE "ArticleSearch" MATCH @match
              AND "ArticleSearch".rowid IN (
                  SELECT rowid FROM "ArticleSearch" WHERE "ArticleSearch" MATCH @match
                  ORDER BY {Rank}, rowid DESC
                  LIMIT @take OFFSET @skip)
            ORDER BY {Rank}, a."PublishedUtc" DESC
            """;
        return await RunAsync("""SELECT count(*) FROM "ArticleSearch" WHERE "ArticleSearch" MATCH @match""", Select, match, page, cancellationToken);
    }

    private async Task<(int Total, List<Row> Rows)> QueryPostgresAsync(string text, int page, CancellationToken cancellationToken)
    {
        const string From = """
            FROM "ArticleSearch" s
            JOIN "ArticleIndex" a ON a."ContentItemId" = s."ContentItemId"
            CROSS JOIN plainto_tsquery('english'::regconfig, @match) q
            WHERE s."Document" @@ q
            """;
        const string Options = "'StartSel=\"' || @open || '\", StopSel=\"' || @close || '\"'";
        const string Select = $"""
            SELECT a."ContentItemId", a."Slug", a."Section", a."Headline", a."PublishedUtc",
                   ts_headline('english'::regconfig, s."Headline", q, {Options} || ', HighlightAll=true'),
                   ts_headline('english'::regconfig, s."Dek", q, {Options} || ', HighlightAll=true'),
                   ts_headline('english'::regconfig, s."Body", q, {Options} || ', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'),
                   s."Bylines"
            {From}
            ORDER BY ts_rank(s."Document", q) DESC, a."PublishedUtc" DESC, a."ContentItemId"
            LIMIT @take OFFSET @skip
            """;
        return await RunAsync($"SELECT count(*) {From}", Select, text, page, cancellationToken);
    }

    private async Task<(int Total, List<Row> Rows)> RunAsync(string countSql, string selectSql, string match, int page, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            int total;
            await using (var count = Command(connection, countSql, match, page))
            {
                total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }

            var rows = new List<Row>();
            if (total == 0)
            {
                return (0, rows);
            }

            await using var select = Command(connection, selectSql, match, page);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var index = new ArticleIndex
                {
                    ContentItemId = reader.GetString(0),
                    Slug = reader.GetString(1),
                    Section = reader.IsDBNull(2) ? null : reader.GetString(2),
                    Headline = reader.GetString(3),
                    PublishedUtc = DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc),
                };
                rows.Add(new Row(index, Text(reader, 5), Text(reader, 6), Text(reader, 7), Text(reader, 8)));
            }

            return (total, rows);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private DbCommand Command(DbConnection connection, string sql, string match, int page)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        Add(command, "match", match);
        Add(command, "open", Open);
        Add(command, "close", Close);
        Add(command, "take", PageSize);
        Add(command, "skip", (page - 1) * PageSize);
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? "" : reader.GetString(ordinal);
}
