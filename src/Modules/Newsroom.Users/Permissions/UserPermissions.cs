using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Newsroom.Data;

namespace Newsroom.Users.Permissions;

/// <summary>
/// The permissions of the signed-in user, read from the database once per request (so a role change
/// applies at the next request, not at the next sign-in).
/// </summary>
public sealed class UserPermissions(NewsroomDbContext db, UserManager<IdentityUser> users)
{
    private (string UserId, bool IsAdministrator, HashSet<string> Names)? _cache;

    public async Task<bool> HasAsync(ClaimsPrincipal principal, Permission permission, CancellationToken cancellationToken = default)
    {
        if (principal.Identity?.IsAuthenticated != true || users.GetUserId(principal) is not { } userId)
        {
            return false;
        }

        var granted = await LoadAsync(userId, cancellationToken);
        return granted.IsAdministrator || permission.GrantingNames().Any(granted.Names.Contains);
    }

    private async Task<(string UserId, bool IsAdministrator, HashSet<string> Names)> LoadAsync(string userId, CancellationToken cancellationToken)
    {
        if (_cache is { } cached && cached.UserId == userId)
        {
            return cached;
        }

        var roles = await db.Set<IdentityUserRole<string>>().AsNoTracking()
            .Where(ur => ur.UserId == userId)
            .Join(db.Set<IdentityRole>(), ur => ur.RoleId, r => r.Id, (ur, r) => new { r.Id, r.Name })
            .ToListAsync(cancellationToken);
        var roleIds = roles.ConvertAll(r => r.Id);
        var names = await db.Set<IdentityRoleClaim<string>>().AsNoTracking()
            .Where(c => roleIds.Contains(c.RoleId) && c.ClaimType == Permission.ClaimType && c.ClaimValue != null)
            .Select(c => c.ClaimValue!)
            .ToListAsync(cancellationToken);
        var result = (userId, roles.Any(r => r.Name == StandardRoles.Administrator), names.ToHashSet(StringComparer.Ordinal));
        _cache = result;
        return result;
    }
}
