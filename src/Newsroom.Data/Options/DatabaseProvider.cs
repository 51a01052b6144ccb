using System.Data.Common;
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
            builder.UseNpgsql(connectionString);
        }

        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>
    /// WAL lets readers run beside the writer; synchronous=FULL makes each commit durable, which
    /// NORMAL does not promise in WAL mode.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
            command.ExecuteNonQuery();
        }
    }
}
