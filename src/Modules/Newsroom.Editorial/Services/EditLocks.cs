using Microsoft.EntityFrameworkCore;
using Newsroom.Data;
using Newsroom.Editorial.Models;

namespace Newsroom.Editorial.Services;

/// <summary>
/// Soft locks with a heartbeat: the editor page beats every <see cref="HeartbeatInterval"/>; a lock
/// without a beat for <see cref="Expiry"/> is free. One row per item; the database is the only
/// state, so every node sees the same lock.
/// </summary>
public sealed class EditLocks(NewsroomDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);

    /// <summary>The live lock of someone other than <paramref name="user"/>, or null.</summary>
    public async Task<EditLock?> HeldByOtherAsync(string contentItemId, string user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Set<EditLock>().AsNoTracking().FirstOrDefaultAsync(l => l.ContentItemId == contentItemId, cancellationToken);
        return row is not null && row.User != user && now - row.HeartbeatUtc < Expiry ? row : null;
    }

    /// <summary>
    /// Takes or refreshes the lock for <paramref name="user"/>. Refused (returns the holder) while
    /// someone else holds a live lock, unless <paramref name="takeOver"/>.
    /// </summary>
    public async Task<EditLock?> AcquireAsync(string contentItemId, string user, bool takeOver, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.InTransactionAsync(
            async () =>
            {
                var row = await db.Set<EditLock>().FirstOrDefaultAsync(l => l.ContentItemId == contentItemId, cancellationToken);
                if (row is null)
                {
                    db.Add(new EditLock { ContentItemId = contentItemId, User = user, SinceUtc = now, HeartbeatUtc = now });
                }
                else if (row.User == user)
                {
                    row.HeartbeatUtc = now;
                }
                else if (takeOver || now - row.HeartbeatUtc >= Expiry)
                {
                    row.User = user;
                    row.SinceUtc = now;
                    row.HeartbeatUtc = now;
                }
                else
                {
                    var holder = new EditLock { ContentItemId = row.ContentItemId, User = row.User, SinceUtc = row.SinceUtc, HeartbeatUtc = row.HeartbeatUtc };
                    db.Entry(row).State = EntityState.Detached;
                    return holder;
                }

                await db.SaveChangesAsync(cancellationToken);
                return (EditLock?)null;
            },
            cancellationToken);
    }

    public async Task ReleaseAsync(string contentItemId, string user, CancellationToken cancellationToken = default) =>
        await db.Set<EditLock>().Where(l => l.ContentItemId == contentItemId && l.User == user).ExecuteDeleteAsync(cancellationToken);
}
