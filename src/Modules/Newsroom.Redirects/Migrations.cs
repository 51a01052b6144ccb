using Newsroom.Data;

namespace Newsroom.Redirects;

public sealed class Migrations : DataMigration
{
    public override Task<int> CreateAsync(MigrationContext context)
    {
        context.Schema.CreateTable(
            "Redirects",
            t => new
            {
                Path = t.Column<string>(maxLength: 300),
                Target = t.Column<string>(maxLength: 1000),
                Permanent = t.Column<bool>(),
                CreatedUtc = t.Column<DateTime>(),
            },
            constraints: t => t.PrimaryKey("PK_Redirects", x => x.Path));
        return Task.FromResult(1);
    }
}
