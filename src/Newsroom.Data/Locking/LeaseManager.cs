using Microsoft.EntityFrameworkCore;

namespace Newsroom.Data;

/// <inheritdoc />
public sealed class LeaseManager(NewsroomDbContext db, TimeProvider clock) : ILeaseManager
{
    public async Task<bool> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        return await db.InTransactionAsync(
            async () =>
            {
                var claimed = await db.Set<LeaseRecord>()
                    .Where(l => l.Name == name && (l.Owner == null || l.Owner == owner || l.ExpiresUtc < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.ExpiresUtc, until), cancellationToken);
                if (claimed == 1)
                {
                    return true;
                }

                if (await db.Set<LeaseRecord>().AnyAsync(l => l.Name == name, cancellationToken))
                {
                    return false;
                }

                db.Set<LeaseRecord>().Add(new LeaseRecord { Name = name, Owner = owner, ExpiresUtc = until });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return true;
                }
                catch (DbUpdateException)
                {
                    // Another process inserted the row first: it holds the lease.
                    return false;
                }
            },
            cancellationToken);
    }

    public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default) =>
        db.Set<LeaseRecord>()
            .Where(l => l.Name == name && l.Owner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, (string?)null).SetProperty(l => l.ExpiresUtc, (DateTime?)null), cancellationToken);
}
