using Newsroom.Articles.Handlers;
using Newsroom.Articles.Models;
using Newsroom.ContentManagement.Metadata;
using Newsroom.Data;

namespace Newsroom.Articles;

public sealed class Migrations(IContentDefinitionManager definitions) : DataMigration
{
    public override async Task<int> CreateAsync(MigrationContext context)
    {
        var schema = context.Schema;
        schema.CreateTable(
            "ArticleIndex",
            t => new
            {
                ContentItemId = t.Column<string>(maxLength: 32),
                ContentItemVersionId = t.Column<string>(maxLength: 32),
                Slug = t.Column<string>(maxLength: 100),
                Section = t.Column<string>(maxLength: 100, nullable: true),
                Headline = t.Column<string>(maxLength: ArticlePart.HeadlineMaxLength),
                Dek = t.Column<string>(nullable: true),
                LeadImageSrc = t.Column<string>(maxLength: 500, nullable: true),
                PublishedUtc = t.Column<DateTime>(),
                UpdatedUtc = t.Column<DateTime>(),
            },
            constraints: t => t.PrimaryKey("PK_ArticleIndex", x => x.ContentItemId));
        schema.CreateIndex("UX_ArticleIndex_Slug", "ArticleIndex", "Slug", unique: true);
        schema.CreateIndex("IX_ArticleIndex_Published", "ArticleIndex", ["PublishedUtc", "ContentItemId"]);
        schema.CreateIndex("IX_ArticleIndex_Section", "ArticleIndex", ["Section", "PublishedUtc", "ContentItemId"]);
        schema.CreateIndex("IX_ArticleIndex_Updated", "ArticleIndex", ["UpdatedUtc"]);

        schema.CreateTable(
            "ArticleTagIndex",
            t => new
            {
                Id = t.Column<long>().AutoIncrement(),
                ContentItemId = t.Column<string>(maxLength: 32),
                TagSlug = t.Column<string>(maxLength: 100),
                Tag = t.Column<string>(maxLength: 100),
                PublishedUtc = t.Column<DateTime>(),
            },
            constraints: t => t.PrimaryKey("PK_ArticleTagIndex", x => x.Id));
        schema.CreateIndex("IX_ArticleTagIndex_Tag", "ArticleTagIndex", ["TagSlug", "PublishedUtc"]);
        schema.CreateIndex("IX_ArticleTagIndex_Item", "ArticleTagIndex", "ContentItemId");

        schema.CreateTable(
            "ArticleRoutes",
            t => new
            {
                Path = t.Column<string>(maxLength: 300),
                ContentItemId = t.Column<string>(maxLength: 32),
                IsCurrent = t.Column<bool>(),
                CreatedUtc = t.Column<DateTime>(),
            },
            constraints: t => t.PrimaryKey("PK_ArticleRoutes", x => x.Path));
        schema.CreateIndex("IX_ArticleRoutes_Item", "ArticleRoutes", "ContentItemId");

        await definitions.AlterTypeDefinitionAsync("Article", type => type
            .DisplayedAs("Article")
            .Creatable().Listable().Draftable().Versionable().Securable()
            .WithPart(nameof(ArticlePart))
            .WithPart(nameof(LeadImagePart))
            .WithPart("BylinesPart")
            .WithPart(nameof(BodyPart)));
        return 1;
    }

    /// <summary>The latest version's section of each article, for the admin content list's section filter.</summary>
    public Task<int> UpdateFrom1Async(MigrationContext context)
    {
        var schema = context.Schema;
        schema.CreateTable(
            "ArticleLatestIndex",
            t => new
            {
                ContentItemId = t.Column<string>(maxLength: 32),
                Section = t.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_ArticleLatestIndex", x => x.ContentItemId));
        schema.CreateIndex("IX_ArticleLatestIndex_Section", "ArticleLatestIndex", ["Section", "ContentItemId"]);
        return Task.FromResult(2);
    }

    /// <summary>
    /// Rows for the articles that existed before step 2: a step of its own because schema operations run
    /// only when a step returns, so the table does not exist yet inside <see cref="UpdateFrom1Async"/>.
    /// From here on the content handler keeps the table.
    /// </summary>
    public async Task<int> UpdateFrom2Async(MigrationContext context)
    {
        await ArticleLatestIndexHandler.BackfillAsync(context.Db);
        return 3;
    }
}
