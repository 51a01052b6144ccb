using Newsroom.Bylines.Handlers;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement.Metadata;
using Newsroom.Data;

namespace Newsroom.Bylines;

public sealed class Migrations(IContentDefinitionManager definitions) : DataMigration
{
    public override async Task<int> CreateAsync(MigrationContext context)
    {
        var schema = context.Schema;
        schema.CreateTable(
            "BylineIndex",
            t => new
            {
                ContentItemId = t.Column<string>(maxLength: 32),
                Slug = t.Column<string>(maxLength: 100),
                Name = t.Column<string>(maxLength: 200),
            },
            constraints: t => t.PrimaryKey("PK_BylineIndex", x => x.ContentItemId));
        schema.CreateIndex("UX_BylineIndex_Slug", "BylineIndex", "Slug", unique: true);
        schema.CreateTable(
            "ArticleBylineIndex",
            t => new
            {
                Id = t.Column<long>().AutoIncrement(),
                ArticleId = t.Column<string>(maxLength: 32),
                BylineId = t.Column<string>(maxLength: 32),
                Position = t.Column<int>(),
                PublishedUtc = t.Column<DateTime>(),
            },
            constraints: t => t.PrimaryKey("PK_ArticleBylineIndex", x => x.Id));
        schema.CreateIndex("IX_ArticleBylineIndex_Byline", "ArticleBylineIndex", ["BylineId", "PublishedUtc"]);
        schema.CreateIndex("IX_ArticleBylineIndex_Article", "ArticleBylineIndex", "ArticleId");

        await definitions.AlterTypeDefinitionAsync("Byline", type => type
            .DisplayedAs("Byline")
            .Creatable().Listable().Draftable()
            .WithPart(nameof(BylinePart)));
        return 1;
    }

    /// <summary>The bylines credited by each article's latest version, for the admin content list's byline filter.</summary>
    public Task<int> UpdateFrom1Async(MigrationContext context)
    {
        var schema = context.Schema;
        schema.CreateTable(
            "ArticleLatestBylineIndex",
            t => new
            {
                ArticleId = t.Column<string>(maxLength: 32),
                BylineId = t.Column<string>(maxLength: 32),
            },
            constraints: t => t.PrimaryKey("PK_ArticleLatestBylineIndex", x => new { x.ArticleId, x.BylineId }));
        schema.CreateIndex("IX_ArticleLatestBylineIndex_Byline", "ArticleLatestBylineIndex", ["BylineId", "ArticleId"]);
        return Task.FromResult(2);
    }

    /// <summary>
    /// Rows for the articles that existed before step 2: a step of its own because schema operations run
    /// only when a step returns, so the table does not exist yet inside <see cref="UpdateFrom1Async"/>.
    /// From here on the content handler keeps the table.
    /// </summary>
    public async Task<int> UpdateFrom2Async(MigrationContext context)
    {
        await ArticleLatestBylinesHandler.BackfillAsync(context.Db);
        return 3;
    }
}
