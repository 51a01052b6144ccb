using Newsroom.Data;

namespace Newsroom.Editorial;

public sealed class Migrations : DataMigration
{
    public override Task<int> CreateAsync(MigrationContext context)
    {
        context.Schema.CreateTable(
            "EditLocks",
            t => new
            {
                ContentItemId = t.Column<string>(maxLength: 32),
                User = t.Column<string>(maxLength: 256),
                SinceUtc = t.Column<DateTime>(),
                HeartbeatUtc = t.Column<DateTime>(),
            },
            constraints: t => t.PrimaryKey("PK_EditLocks", x => x.ContentItemId));
        return Task.FromResult(1);
    }
}
