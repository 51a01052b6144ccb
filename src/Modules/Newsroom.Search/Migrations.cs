using Newsroom.Data;

namespace Newsroom.Search;

/// <summary>
/// The search table: on SQLite an FTS5 virtual table; on PostgreSQL a plain table with a generated,
/// weighted <c>tsvector</c> column (headline A, dek and bylines B, body C) and a GIN index on it.
/// Filled by <see cref="Handlers.SearchIndexHandler"/>.
/// </summary>
public sealed class Migrations : DataMigration
{
    public override Task<int> CreateAsync(MigrationContext context)
    {
        if (context.IsSqlite)
        {
            context.Schema.Sql("""
                CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
                    "ContentItemId" UNINDEXED, "Headline", "Dek", "Body", "Bylines",
                    tokenize = 'porter unicode61 remove_diacritics 2')
                """);
        }
        else
        {
            context.Schema.Sql("""
                CREATE TABLE "ArticleSearch" (
                    "ContentItemId" varchar(32) NOT NULL PRIMARY KEY,
                    "Headline" text NOT NULL,
                    "Dek" text NOT NULL,
                    "Body" text NOT NULL,
                    "Bylines" text NOT NULL,
                    "Document" tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english'::regconfig, "Headline"), 'A')
                        || setweight(to_tsvector('english'::regconfig, "Dek"), 'B')
                        || setweight(to_tsvector('english'::regconfig, "Bylines"), 'B')
                        || setweight(to_tsvector('english'::regconfig, "Body"), 'C')) STORED)
                """);
            context.Schema.Sql("""CREATE INDEX "IX_ArticleSearch_Document" ON "ArticleSearch" USING GIN ("Document")""");
        }

        return Task.FromResult(1);
    }
}
