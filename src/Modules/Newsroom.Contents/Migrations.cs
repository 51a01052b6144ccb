using Newsroom.Data;

namespace Newsroom.Contents;

/// <summary>
/// Version 1 created the ContentSchedules table of a scheduler that duplicated the workflow's; version 2
/// drops it (scheduling lives in Newsroom.Workflow's <c>ScheduledPublisher</c> alone). Steps are history:
/// step 1 stays as it ran on existing databases.
/// </summary>
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

    /// <summary>Drops the old scheduler's table (its indexes go with it).</summary>
    public Task<int> UpdateFrom1Async(MigrationContext context)
    {
        context.Schema.DropTable("ContentSchedules");
        return Task.FromResult(2);
    }
}
