using Newsroom.Data;

namespace Newsroom.ContentManagement.Records;

/// <summary>
/// The ContentItems table. The filtered unique indexes are what make "two latest versions" or
/// "two published versions" of one item impossible, whatever the code above them does.
/// </summary>
public sealed class ContentMigrations : DataMigration
{
    public override Task<int> CreateAsync(MigrationContext context)
    {
        var schema = context.Schema;
        schema.CreateTable(
            "ContentItems",
            t => new
            {
                Id = t.Column<long>().AutoIncrement(),
                ContentItemId = t.Column<string>(maxLength: 32),
                ContentItemVersionId = t.Column<string>(maxLength: 32),
                ContentType = t.Column<string>(maxLength: 100),
                Number = t.Column<int>(),
                Latest = t.Column<bool>(),
                Published = t.Column<bool>(),
                Deleted = t.Column<bool>(),
                DisplayText = t.Column<string>(maxLength: 500, nullable: true),
                Owner = t.Column<string>(maxLength: 256, nullable: true),
                Author = t.Column<string>(maxLength: 256, nullable: true),
                CreatedUtc = t.Column<DateTime>(),
                ModifiedUtc = t.Column<DateTime>(),
                PublishedUtc = t.Column<DateTime>(nullable: true),
                ConcurrencyStamp = t.Column<string>(maxLength: 32),
                Data = t.Column<string>(),
            },
            constraints: t => t.PrimaryKey("PK_ContentItems", x => x.Id));
        schema.CreateIndex("UX_ContentItems_Latest", "ContentItems", "ContentItemId", unique: true, filter: "\"Latest\"");
        schema.CreateIndex("UX_ContentItems_Published", "ContentItems", "ContentItemId", unique: true, filter: "\"Published\"");
        schema.CreateIndex("UX_ContentItems_Version", "ContentItems", "ContentItemVersionId", unique: true);
        schema.CreateIndex("UX_ContentItems_Number", "ContentItems", ["ContentItemId", "Number"], unique: true);
        // List queries: newest first per type and status, without touching the JSON.
        schema.CreateIndex("IX_ContentItems_TypeLatest", "ContentItems", ["ContentType", "Deleted", "ModifiedUtc", "Id"], filter: "\"Latest\"");
        schema.CreateIndex("IX_ContentItems_TypePublished", "ContentItems", ["ContentType", "PublishedUtc", "Id"], filter: "\"Published\"");
        schema.CreateIndex("IX_ContentItems_OwnerLatest", "ContentItems", ["Owner", "ModifiedUtc"], filter: "\"Latest\"");
        return Task.FromResult(1);
    }

    /// <summary>
    /// The admin list without a type filter (its default view) sorts every latest version by modified
    /// or published instant: without these it read and sorted the whole table for each page and count.
    /// </summary>
    public Task<int> UpdateFrom1Async(MigrationContext context)
    {
        context.Schema.CreateIndex("IX_ContentItems_LatestModified", "ContentItems", ["Deleted", "ModifiedUtc", "Id"], filter: "\"Latest\"");
        context.Schema.CreateIndex("IX_ContentItems_PublishedDate", "ContentItems", ["Deleted", "PublishedUtc", "Id"], filter: "\"Published\"");
        return Task.FromResult(2);
    }
}
