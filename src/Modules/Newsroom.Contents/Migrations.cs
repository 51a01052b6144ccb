using Newsroom.Data;

namespace Newsroom.Contents;

/// <summary>Version 1: the ContentSchedules table (scheduled publish and unpublish).</summary>
public sealed class Migrations : DataMigration
{
    public override Task<int> CreateAsync(MigrationContext context)
    {
        context.Schema.CreateTable(
            "ContentSchedules",
            t => new
            {
                Id = t.Column<long>().AutoIncrement(),
                ContentItemId = t.Column<string>(maxLength: 32),
                Action = t.Column<string>(maxLength: 20),
                DueUtc = t.Column<DateTime>(),
                CreatedBy = t.Column<string>(maxLength: 256, nullable: true),
                CreatedUtc = t.Column<DateTime>(),
                DoneUtc = t.Column<DateTime>(nullable: true),
                Error = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_ContentSchedules", x => x.Id));

        // The scheduler's query: pending rows by due time.
        context.Schema.CreateIndex("IX_ContentSchedules_Pending", "ContentSchedules", ["DoneUtc", "DueUtc"]);
        context.Schema.CreateIndex("IX_ContentSchedules_Item", "ContentSchedules", "ContentItemId");
        return Task.FromResult(1);
    }
}
