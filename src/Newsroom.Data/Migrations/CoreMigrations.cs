namespace Newsroom.Data;

/// <summary>The tables of Newsroom.Data itself: documents and leases.</summary>
public sealed class CoreMigrations : DataMigration
{
    public override Task<int> CreateAsync(MigrationContext context)
    {
        context.Schema.CreateTable(
            "Documents",
            t => new
            {
                Key = t.Column<string>(maxLength: 200),
                Version = t.Column<long>(),
                Json = t.Column<string>(),
                ModifiedUtc = t.Column<DateTime>(),
            },
            constraints: t => t.PrimaryKey("PK_Documents", x => x.Key));
        context.Schema.CreateTable(
            "Leases",
            t => new
            {
                Name = t.Column<string>(maxLength: 200),
                Owner = t.Column<string>(maxLength: 200, nullable: true),
                ExpiresUtc = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_Leases", x => x.Name));
        return Task.FromResult(1);
    }
}
