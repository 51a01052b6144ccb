using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Newsroom.Modules.Shells;

namespace Newsroom.Data;

/// <summary>
/// Reads the shell descriptor from the database before any shell exists. Creates the core tables
/// on first use, so a fresh database needs no other step.
/// </summary>
public sealed class DbShellDescriptorStore(NewsroomDatabase database) : IShellDescriptorStore
{
    public const string Key = nameof(ShellDescriptor);

    public async Task<ShellDescriptor> LoadAsync(CancellationToken cancellationToken)
    {
        await database.EnsureCoreSchemaAsync(cancellationToken);
        await using var db = database.CreateDbContext();
        var record = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Key == Key, cancellationToken);
        return record is null
            ? new ShellDescriptor()
            : (JsonSerializer.Deserialize<ShellDescriptor>(record.Json) ?? new ShellDescriptor()) with { Version = record.Version };
    }

    /// <summary>Writes the descriptor outside any shell: first-run setup picks the setup recipe's features.</summary>
    public async Task SaveAsync(ShellDescriptor descriptor, TimeProvider clock, CancellationToken cancellationToken)
    {
        await database.EnsureCoreSchemaAsync(cancellationToken);
        await using var db = database.CreateDbContext();
        var store = new DocumentStore(db, new DocumentCache(), clock);
        await store.SaveAsync(descriptor, cancellationToken);
    }

    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateDbContext();
        return await db.Documents.AsNoTracking().Where(d => d.Key == Key).Select(d => d.Version).FirstOrDefaultAsync(cancellationToken);
    }
}
