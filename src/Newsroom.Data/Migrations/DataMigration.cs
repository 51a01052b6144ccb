using Microsoft.EntityFrameworkCore.Migrations;

namespace Newsroom.Data;

/// <summary>
/// A module's schema and definition changes, numbered like Orchard's data migrations:
/// <see cref="CreateAsync"/> runs on a new database and returns the version it reached; then each
/// <c>Task&lt;int&gt; UpdateFrom{N}Async(MigrationContext)</c> method moves version N onwards. Each step
/// runs in its own transaction with its version recorded, so a failed step is retried at next start.
/// Schema changes use EF Core's <see cref="MigrationBuilder"/>; each provider renders them as its own SQL.
/// </summary>
/// <example>
/// <code>
/// public sealed class Migrations : DataMigration
/// {
///     public override Task&lt;int&gt; CreateAsync(MigrationContext context)
///     {
///         context.Schema.CreateTable("ArticleIndex", t => new { Id = t.Column&lt;long&gt;().AutoIncrement() },
///             constraints: t => t.PrimaryKey("PK_ArticleIndex", x => x.Id));
///         return Task.FromResult(1);
///     }
///
///     public Task&lt;int&gt; UpdateFrom1Async(MigrationContext context) { ...; return Task.FromResult(2); }
/// }
/// </code>
/// </example>
public abstract class DataMigration
{
    public abstract Task<int> CreateAsync(MigrationContext context);
}

/// <summary>What a migration step works with.</summary>
public sealed class MigrationContext(MigrationBuilder schema, NewsroomDbContext db, IServiceProvider services)
{
    /// <summary>Schema operations, executed when the step's method returns.</summary>
    public MigrationBuilder Schema { get; } = schema;

    public NewsroomDbContext Db { get; } = db;

    public IServiceProvider Services { get; } = services;

    public bool IsSqlite => Db.IsSqlite;
}
