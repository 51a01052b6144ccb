using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Newsroom.Data;

/// <summary>
/// The one EF Core context. Its model is the core's tables plus what every module contributes
/// through <see cref="IModelContributor"/>. Work that must be atomic uses
/// <see cref="DbContextTransactionExtensions.InTransactionAsync{T}"/>.
/// </summary>
public sealed class NewsroomDbContext(DbContextOptions<NewsroomDbContext> options, ModelContributors contributors) : DbContext(options)
{
    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();

    public DbSet<DataMigrationRecord> DataMigrations => Set<DataMigrationRecord>();

    private List<Action>? _afterCommit;

    public bool IsSqlite => Database.IsSqlite();

    /// <summary>
    /// True while <see cref="DbContextTransactionExtensions.InTransactionAsync{T}"/> has a transaction
    /// open. Unlike <c>Database.CurrentTransaction</c> it does not make EF set up the context's services,
    /// so a request answered from caches alone never pays for that.
    /// </summary>
    public bool InTransaction { get; private set; }

    /// <summary>
    /// Runs <paramref name="action"/> once the open transaction (see
    /// <see cref="DbContextTransactionExtensions.InTransactionAsync{T}"/>) commits, or now when none is
    /// open; a rollback drops it. For what must not happen before other readers can see the write,
    /// such as emptying a cache they would otherwise fill again with the old rows.
    /// </summary>
    public void AfterCommit(Action action)
    {
        if (!InTransaction)
        {
            action();
            return;
        }

        (_afterCommit ??= []).Add(action);
    }

    internal void TransactionStarted() => InTransaction = true;

    internal void TransactionEnded(bool committed)
    {
        InTransaction = false;
        var actions = _afterCommit;
        _afterCommit = null;
        if (committed && actions is not null)
        {
            foreach (var action in actions)
            {
                action();
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC. SQLite hands DateTime back unspecified; say what it is.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DocumentRecord>(e =>
        {
            e.ToTable("Documents");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<DataMigrationRecord>(e =>
        {
            e.ToTable("DataMigrations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(300);
        });
        foreach (var contributor in contributors.All)
        {
            contributor.Configure(modelBuilder);
        }
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}

public sealed class DocumentRecord
{
    public string Key { get; set; } = "";

    public long Version { get; set; }

    public string Json { get; set; } = "{}";

    public DateTime ModifiedUtc { get; set; }
}

public sealed class DataMigrationRecord
{
    public string Id { get; set; } = "";

    public int Version { get; set; }
}
