using System.Data;
using Microsoft.EntityFrameworkCore;

namespace Newsroom.Data;

public static class DbContextTransactionExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction, or inside the one already open. On SQLite the
    /// transaction takes the write lock at its start (BEGIN IMMEDIATE), so concurrent writers queue
    /// instead of failing when they upgrade a read lock.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this NewsroomDbContext db, Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(
            db.IsSqlite ? IsolationLevel.Serializable : IsolationLevel.ReadCommitted, cancellationToken);
        db.TransactionStarted();
        try
        {
            var result = await work();
            await transaction.CommitAsync(cancellationToken);
            db.TransactionEnded(committed: true);
            return result;
        }
        catch
        {
            db.TransactionEnded(committed: false);
            await transaction.RollbackAsync(CancellationToken.None);
            db.DiscardStaged();
            throw;
        }
    }

    public static Task InTransactionAsync(this NewsroomDbContext db, Func<Task> work, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(
            async () =>
            {
                await work();
                return true;
            },
            cancellationToken);
}
