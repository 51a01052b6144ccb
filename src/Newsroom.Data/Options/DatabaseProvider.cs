using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Newsroom.Data;

/// <summary>Turns <see cref="DatabaseOptions"/> into EF Core options for the chosen provider.</summary>
public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Validates the options; throws <see cref="InvalidOperationException"/> naming the setting that is wrong.</summary>
    public static string ResolveConnectionString(DatabaseOptions options, string dataPath)
    {
        if (string.Equals(options.Provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString ?? "")
            {
                Pooling = true,
                DefaultTimeout = 30,
            };
            if (string.IsNullOrEmpty(builder.DataSource))
            {
                builder.DataSource = Path.Combine(dataPath, "newsroom.db");
            }

            return builder.ToString();
        }

        if (string.Equals(options.Provider, Postgres, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException(
                    "Newsroom:Database:ConnectionString is required when Newsroom:Database:Provider is 'Postgres'.");
            }

            return options.ConnectionString;
        }

        throw new InvalidOperationException(
            $"Newsroom:Database:Provider '{options.Provider}' is not supported: use '{Sqlite}' or '{Postgres}'.");
    }

    public static bool IsSqlite(DatabaseOptions options) =>
        string.Equals(options.Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string dataPath)
    {
        var connectionString = ResolveConnectionString(options, dataPath);
        if (IsSqlite(options))
        {
            builder.UseSqlite(connectionString);
            builder.AddInterceptors(SqlitePragmas.Instance);
        }
        else
        {
            UsePostgres(builder, connectionString);
        }

        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    // Its own method, never inlined: compiling Configure would otherwise load the PostgreSQL
    // provider's assembly into every SQLite site, where it is never used.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UsePostgres(DbContextOptionsBuilder builder, string connectionString) => builder.UseNpgsql(connectionString);

    /// <summary>
    /// A new database gets 16 KiB pages (SQLite's default is 4 KiB): an article's row (its JSON, about
    /// 5 KB for a story like the seed article) no longer spills into overflow pages, index trees are
    /// shallower, and a WAL checkpoint happens every 16 MiB instead of every 4 MiB. A 100,000-article
    /// import ran 8 % faster (bench.sh). The size is fixed when the first table is written and WAL
    /// cannot change it, so an existing database keeps the size it was made with.
    /// WAL lets readers run beside the writer; synchronous=FULL makes each commit durable, which
    /// NORMAL does not promise in WAL mode. temp_store=MEMORY keeps statement journals in memory:
    /// SQLite journals the pages a statement changes inside a longer transaction (so the statement
    /// alone can roll back) and spilled them to a temp file past 64 KiB, which an FTS insert passes;
    /// a batch import wrote about 130 pages per article to that file, never read back. The settings
    /// belong to the native connection, which the pool keeps open between uses, so they are applied
    /// once per native handle and not on every open: EF opens the connection for each query outside
    /// a transaction, and extra statements per query (or per /health) were a measurable share of a
    /// cheap request.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        private const int PageSize = 16 * 1024;

        // Keyed by the pooled native handle: an entry goes away when the pool drops the handle.
        private static readonly ConditionalWeakTable<object, object> s_applied = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            var handle = (connection as SqliteConnection)?.Handle;
            if (handle is not null && s_applied.TryGetValue(handle, out _))
            {
                return;
            }

            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"PRAGMA page_size={PageSize}; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;";
                command.ExecuteNonQuery();
            }

            if (handle is not null)
            {
                s_applied.AddOrUpdate(handle, handle);
            }
        }
    }
}
