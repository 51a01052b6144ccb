using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Newsroom.Data;

/// <summary>
/// The database as the host sees it, outside any shell: its EF Core options, and the core tables
/// that must exist before the shell descriptor can be read.
/// </summary>
public sealed class NewsroomDatabase
{
    private readonly SemaphoreSlim _coreSchemaLock = new(1, 1);
    private readonly ILoggerFactory _loggerFactory;
    private readonly string _healthConnectionString;
    private bool _coreSchemaReady;

    public NewsroomDatabase(IOptions<NewsroomOptions> options, NewsroomDataPath dataPath, ModelContributors contributors, ILoggerFactory? loggerFactory = null)
    {
        Options = options.Value.Database;
        Contributors = contributors;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        var builder = new DbContextOptionsBuilder<NewsroomDbContext>();
        DatabaseProvider.Configure(builder, Options, dataPath.Root);

        // The site's loggers: EF's warnings and errors reach the site's log, and an operator can see
        // every SQL command with its duration by setting
        // Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command to Information.
        builder.UseLoggerFactory(_loggerFactory);
        _healthConnectionString = DatabaseProvider.ResolveConnectionString(Options, dataPath.Root);
        if (IsSqlite)
        {
            // ReadWrite, not the default ReadWriteCreate: a missing database file is unhealthy, not created empty.
            _healthConnectionString = new SqliteConnectionStringBuilder(_healthConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();
        }

        ContextOptions = builder.Options;
    }

    public DatabaseOptions Options { get; }

    public ModelContributors Contributors { get; }

    public DbContextOptions<NewsroomDbContext> ContextOptions { get; }

    public bool IsSqlite => DatabaseProvider.IsSqlite(Options);

    public NewsroomDbContext CreateDbContext() => new(ContextOptions, Contributors);

    /// <summary>Creates the Documents, Leases and DataMigrations tables when they are missing.</summary>
    public async Task EnsureCoreSchemaAsync(CancellationToken cancellationToken)
    {
        if (_coreSchemaReady)
        {
            return;
        }

        await _coreSchemaLock.WaitAsync(cancellationToken);
        try
        {
            if (_coreSchemaReady)
            {
                return;
            }

            await using var db = CreateDbContext();
            var services = new ServiceCollection().AddSingleton(_loggerFactory).BuildServiceProvider();
            var runner = new DataMigrationRunner(db, services, _loggerFactory.CreateLogger<DataMigrationRunner>());
            await runner.RunAsync([typeof(CoreMigrations).Assembly], cancellationToken);
            _coreSchemaReady = true;
        }
        finally
        {
            _coreSchemaLock.Release();
        }
    }

    /// <summary>
    /// True when the database answers a trivial query (<c>SELECT 1</c>). It runs on a pooled
    /// connection of the provider itself, without a DbContext: it is called for every /health, which
    /// load balancers poll, so it should cost no more than the round trip.
    /// </summary>
    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using DbConnection connection = IsSqlite ? new SqliteConnection(_healthConnectionString) : new NpgsqlConnection(_healthConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            return await command.ExecuteScalarAsync(cancellationToken) is not null;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
