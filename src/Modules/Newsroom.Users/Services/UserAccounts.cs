using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Newsroom.Data;

namespace Newsroom.Users.Services;

/// <summary>User operations the admin needs on top of <see cref="UserManager{TUser}"/>: first user, create with role, disable.</summary>
public sealed class UserAccounts(UserManager<IdentityUser> users, NewsroomDbContext db, TimeProvider clock)
{
    /// <summary>A disabled user is locked out until this instant (Identity's lockout, so sign-in refuses them).</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) =>
        db.Set<IdentityUser>().AnyAsync(cancellationToken);

    public static bool IsDisabled(IdentityUser user) => IsDisabled(user.LockoutEnd);

    /// <summary>Whether a user whose lockout ends at <paramref name="lockoutEnd"/> is disabled (locked out for good).</summary>
    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd >= DisabledUntil;

    /// <summary>Creates a user in one role, atomically: no user is left without its role.</summary>
    public Task<IdentityResult> CreateAsync(string userName, string email, string password, string role, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(
            async () =>
            {
                var user = new IdentityUser(userName) { Email = email, EmailConfirmed = true };
                var result = await users.CreateAsync(user, password);
                if (result.Succeeded)
                {
                    result = await users.AddToRoleAsync(user, role);
                }

                if (!result.Succeeded)
                {
                    // Undo the user row written before the role failed.
                    throw new IdentityOperationException(result);
                }

                return result;
            },
            cancellationToken);

    /// <summary>
    /// Creates the first administrator unless a user exists. Serialized across processes: SQLite's
    /// write transaction, PostgreSQL's advisory lock. Returns null when a user already existed.
    /// </summary>
    public Task<IdentityResult?> CreateFirstAdministratorAsync(string userName, string email, string password, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(
            async () =>
            {
                if (!db.IsSqlite)
                {
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7201331)", cancellationToken);
                }

                if (await AnyAsync(cancellationToken))
                {
                    return null;
                }

                return (IdentityResult?)await CreateAsync(userName, email, password, Permissions.StandardRoles.Administrator, cancellationToken);
            },
            cancellationToken);

    /// <summary>Disables (or re-enables) a user; disabling also ends their sessions at once.</summary>
    public async Task SetDisabledAsync(IdentityUser user, bool disabled)
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, disabled ? DisabledUntil : null);
        if (disabled)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            await users.ResetAccessFailedCountAsync(user);
        }
    }

    public DateTimeOffset Now => clock.GetUtcNow();
}

/// <summary>An Identity operation failed inside a transaction; carries the result so the caller can show its errors.</summary>
public sealed class IdentityOperationException(IdentityResult result)
    : Exception(string.Join(" ", result.Errors.Select(e => e.Description)))
{
    public IdentityResult Result { get; } = result;
}
