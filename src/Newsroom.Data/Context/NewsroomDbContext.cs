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

    private readonly InsertOnlyRows _insertOnly = new();

    // The name of the savepoint around a save that writes insert-only rows (see SaveChangesAsync).
    private const string InsertOnlySavepoint = "NewsroomInsertOnly";

    private bool? _isSqlite;

    /// <summary>
    /// True on SQLite. Kept after the first ask: EF answers by resolving the provider and comparing its
    /// name, about 1 % of a batch import, which asks several times per item.
    /// </summary>
    public bool IsSqlite => _isSqlite ??= Database.IsSqlite();

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

    /// <summary>
    /// Stages a row that this unit of work only inserts: nothing changes, removes or reads it back
    /// before it is saved (say, an index row of an item created in this write). It is saved with the
    /// next SaveChanges, before the tracked changes and in the same transaction, but it is not tracked:
    /// <c>Find</c> and <c>Local</c> do not see it. On SQLite it is written by one reused statement per
    /// table instead of through the change tracker (see <see cref="InsertOnlyRows"/>); on PostgreSQL
    /// it is an ordinary <c>Add</c>, which EF sends in the same round trip as the rest of the save.
    /// Its values are read when it is saved, as for a tracked row.
    /// </summary>
    public void AddInsertOnly<T>(T row) where T : class
    {
        if (IsSqlite)
        {
            _insertOnly.Add(row);
        }
        else
        {
            Set<T>().Add(row);
        }
    }

    /// <summary>Adds a new row: insert-only (see <see cref="AddInsertOnly{T}"/>) when <paramref name="insertOnly"/>, else tracked.</summary>
    public void AddRow<T>(T row, bool insertOnly) where T : class
    {
        if (insertOnly)
        {
            AddInsertOnly(row);
        }
        else
        {
            Set<T>().Add(row);
        }
    }

    /// <summary>True when a save would write something: tracked changes or insert-only rows.</summary>
    public bool HasStagedChanges => _insertOnly.Count > 0 || ChangeTracker.HasChanges();

    /// <summary>Forgets everything staged and tracked (the transaction that held it rolled back).</summary>
    public void DiscardStaged()
    {
        _insertOnly.Clear();
        ChangeTracker.Clear();
    }

    /// <summary>
    /// For a bulk write (a batch import): on SQLite, keeps this context's connection open with a page
    /// cache of <see cref="LargePageCacheKibibytes"/> until the result is disposed, then puts the
    /// connection's own size back (the pool keeps the native connection, and a reader does not need
    /// that much). The setting changes only what SQLite keeps in memory, never what it writes or when
    /// it syncs: a failed write still rolls back whole. Elsewhere it does nothing.
    /// </summary>
    public async Task<IAsyncDisposable?> UseLargePageCacheAsync(CancellationToken cancellationToken = default)
    {
        if (!IsSqlite)
        {
            return null;
        }

        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var previous = Convert.ToInt64(await PragmaAsync("PRAGMA cache_size", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            await PragmaAsync($"PRAGMA cache_size = -{LargePageCacheKibibytes}", cancellationToken);
            return new PageCacheLease(this, previous);
        }
        catch
        {
            await Database.CloseConnectionAsync();
            throw;
        }
    }

    /// <summary>64 MiB: the pages a batch of imported articles keeps rewriting (content, index and search rows) stay in memory.</summary>
    public const int LargePageCacheKibibytes = 64 * 1024;

    private async Task<object?> PragmaAsync(string pragma, CancellationToken cancellationToken)
    {
        await using var command = Database.GetDbConnection().CreateCommand();
        command.CommandText = pragma;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private sealed class PageCacheLease(NewsroomDbContext db, long previous) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await db.PragmaAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA cache_size = {previous}"), CancellationToken.None);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        _insertOnly.Count == 0
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            // SQLite's ADO.NET provider runs its async methods synchronously: nothing blocks on I/O here.
            : SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Writes the insert-only rows, then the tracked changes, as one unit: inside the open transaction
    /// under a savepoint when EF would set one (a failed save is undone whole and stays staged, like
    /// the tracked changes), else in a transaction of its own.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_insertOnly.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        int saved;
        if (Database.CurrentTransaction is not { } transaction)
        {
            await using var own = await Database.BeginTransactionAsync(cancellationToken);
            saved = await _insertOnly.WriteAsync(this, cancellationToken) + await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await own.CommitAsync(cancellationToken);
        }
        else
        {
            var savepoint = Database.AutoSavepointsEnabled && transaction.SupportsSavepoints;
            if (savepoint)
            {
                await transaction.CreateSavepointAsync(InsertOnlySavepoint, cancellationToken);
            }

            try
            {
                saved = await _insertOnly.WriteAsync(this, cancellationToken) + await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch when (savepoint)
            {
                await transaction.RollbackToSavepointAsync(InsertOnlySavepoint, CancellationToken.None);
                throw;
            }

            if (savepoint)
            {
                await transaction.ReleaseSavepointAsync(InsertOnlySavepoint, cancellationToken);
            }
        }

        _insertOnly.Clear();
        return saved;
    }

    public override void Dispose()
    {
        _insertOnly.Dispose();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _insertOnly.Dispose();
        return base.DisposeAsync();
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
