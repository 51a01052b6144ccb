using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Newsroom.Data;

/// <summary>Brings the data migrations of the given assemblies up to date, one step per transaction.</summary>
public sealed class DataMigrationRunner(NewsroomDbContext db, IServiceProvider services, ILogger<DataMigrationRunner> logger)
{
    public async Task RunAsync(IEnumerable<Assembly> assemblies, CancellationToken cancellationToken)
    {
        await EnsureMigrationTableAsync(cancellationToken);
        var migrationTypes = assemblies.Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(DataMigration).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        foreach (var type in migrationTypes)
        {
            await RunAsync(type, cancellationToken);
        }
    }

    private async Task RunAsync(Type type, CancellationToken cancellationToken)
    {
        var id = type.FullName!;
        while (true)
        {
            var ran = await db.InTransactionAsync(
                async () =>
                {
                    await LockAsync(cancellationToken);
                    var record = await db.DataMigrations.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
                    var current = record?.Version ?? 0;
                    var step = current == 0
                        ? type.GetMethod(nameof(DataMigration.CreateAsync))
                        : type.GetMethod($"UpdateFrom{current}Async", BindingFlags.Public | BindingFlags.Instance);
                    if (step is null)
                    {
                        return false;
                    }

                    var migration = (DataMigration)ActivatorUtilities.CreateInstance(services, type);
                    var schema = new MigrationBuilder(db.Database.ProviderName);
                    var context = new MigrationContext(schema, db, services);
                    var next = await (Task<int>)step.Invoke(migration, [context])!;
                    await ExecuteAsync(schema, cancellationToken);
                    if (record is null)
                    {
                        db.DataMigrations.Add(new DataMigrationRecord { Id = id, Version = next });
                    }
                    else
                    {
                        record.Version = next;
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    logger.LogInformation("Migration {Migration} moved from version {From} to {To}", id, current, next);
                    return next != current;
                },
                cancellationToken);
            if (!ran)
            {
                return;
            }
        }
    }

    private async Task ExecuteAsync(MigrationBuilder schema, CancellationToken cancellationToken)
    {
        if (schema.Operations.Count == 0)
        {
            return;
        }

        var generator = db.GetService<IMigrationsSqlGenerator>();
        foreach (var command in generator.Generate(schema.Operations, db.Model))
        {
            await db.Database.ExecuteSqlRawAsync(command.CommandText, cancellationToken);
        }
    }

    /// <summary>Several nodes may start together: only one migrates at a time.</summary>
    private async Task LockAsync(CancellationToken cancellationToken)
    {
        if (!db.IsSqlite)
        {
            // Transaction-scoped: released at commit or rollback. SQLite's BEGIN IMMEDIATE already serializes.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7201330)", cancellationToken);
        }
    }

    private async Task EnsureMigrationTableAsync(CancellationToken cancellationToken)
    {
        var sql = db.IsSqlite
            ? "CREATE TABLE IF NOT EXISTS \"DataMigrations\" (\"Id\" TEXT NOT NULL PRIMARY KEY, \"Version\" INTEGER NOT NULL)"
            : "CREATE TABLE IF NOT EXISTS \"DataMigrations\" (\"Id\" character varying(300) NOT NULL PRIMARY KEY, \"Version\" integer NOT NULL)";
        if (!db.IsSqlite)
        {
            // Two nodes racing on CREATE TABLE IF NOT EXISTS can still collide in PostgreSQL's catalog.
            await db.InTransactionAsync(
                async () =>
                {
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7201330)", cancellationToken);
                    await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
                },
                cancellationToken);
            return;
        }

        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
    }
}
