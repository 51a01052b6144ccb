using Newsroom.ContentManagement.Metadata;
using Newsroom.Data;
using Newsroom.Workflow.Models;

namespace Newsroom.Workflow;

public sealed class Migrations(IContentDefinitionManager definitions) : DataMigration
{
    public override async Task<int> CreateAsync(MigrationContext context)
    {
        var schema = context.Schema;
        schema.CreateTable(
            "WorkflowIndex",
            t => new
            {
                ContentItemId = t.Column<string>(maxLength: 32),
                Status = t.Column<string>(maxLength: 20),
                Owner = t.Column<string>(maxLength: 256, nullable: true),
                DisplayText = t.Column<string>(nullable: true),
                ScheduledPublishUtc = t.Column<DateTime>(nullable: true),
                ScheduledUnpublishUtc = t.Column<DateTime>(nullable: true),
                ModifiedUtc = t.Column<DateTime>(),
            },
            constraints: t => t.PrimaryKey("PK_WorkflowIndex", x => x.ContentItemId));
        schema.CreateIndex("IX_WorkflowIndex_Status", "WorkflowIndex", ["Status", "ModifiedUtc"]);
        schema.CreateIndex("IX_WorkflowIndex_Publish", "WorkflowIndex", "ScheduledPublishUtc");
        schema.CreateIndex("IX_WorkflowIndex_Unpublish", "WorkflowIndex", "ScheduledUnpublishUtc");

        schema.CreateTable(
            "AuditEntries",
            t => new
            {
                Id = t.Column<long>().AutoIncrement(),
                AtUtc = t.Column<DateTime>(),
                UserName = t.Column<string>(maxLength: 256),
                Action = t.Column<string>(maxLength: 50),
                ContentItemId = t.Column<string>(maxLength: 32, nullable: true),
                ContentType = t.Column<string>(maxLength: 100, nullable: true),
                DisplayText = t.Column<string>(nullable: true),
                Details = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Id));
        schema.CreateIndex("IX_AuditEntries_At", "AuditEntries", ["AtUtc", "Id"]);
        schema.CreateIndex("IX_AuditEntries_Item", "AuditEntries", "ContentItemId");
        schema.CreateIndex("IX_AuditEntries_User", "AuditEntries", "UserName");

        schema.CreateTable(
            "PreviewLinks",
            t => new
            {
                Id = t.Column<string>(maxLength: 32),
                ContentItemId = t.Column<string>(maxLength: 32),
                CreatedBy = t.Column<string>(maxLength: 256),
                CreatedUtc = t.Column<DateTime>(),
                ExpiresUtc = t.Column<DateTime>(),
                RevokedUtc = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_PreviewLinks", x => x.Id));
        schema.CreateIndex("IX_PreviewLinks_Item", "PreviewLinks", "ContentItemId");

        schema.CreateTable(
            "UpdateLogIndex",
            t => new
            {
                Id = t.Column<long>().AutoIncrement(),
                ContentItemId = t.Column<string>(maxLength: 32),
                Headline = t.Column<string>(),
                Kind = t.Column<string>(maxLength: 20),
                Note = t.Column<string>(),
                AtUtc = t.Column<DateTime>(),
            },
            constraints: t => t.PrimaryKey("PK_UpdateLogIndex", x => x.Id));
        schema.CreateIndex("IX_UpdateLogIndex_Kind", "UpdateLogIndex", ["Kind", "AtUtc"]);
        schema.CreateIndex("IX_UpdateLogIndex_Item", "UpdateLogIndex", "ContentItemId");

        // Articles carry the workflow part (the recipes' ContentDefinition step may list parts too).
        await definitions.AlterTypeDefinitionAsync("Article", type => type.WithPart(nameof(EditorialPart)));
        return 1;
    }

    /// <summary>
    /// The content list's "scheduled" filter asks for <c>ScheduledPublishUtc IS NOT NULL</c>, which the plain
    /// index on that column does not answer (SQLite scanned every row): a partial index of the pending
    /// schedules is small and answers it, and the publisher's due query too.
    /// </summary>
    public Task<int> UpdateFrom1Async(MigrationContext context)
    {
        context.Schema.CreateIndex("IX_WorkflowIndex_PendingPublish", "WorkflowIndex", "ScheduledPublishUtc", filter: "\"ScheduledPublishUtc\" IS NOT NULL");
        return Task.FromResult(2);
    }
}
