using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Newsroom.Users.Permissions;

public static class AuthorizationServiceExtensions
{
    /// <summary>True when <paramref name="user"/> holds <paramref name="permission"/>.</summary>
    public static async Task<bool> AuthorizeAsync(this IAuthorizationService service, ClaimsPrincipal user, Permission permission) =>
        (await service.AuthorizeAsync(user, null, new PermissionRequirement(permission))).Succeeded;

    /// <summary>True when <paramref name="user"/> may do <paramref name="action"/> to <paramref name="contentItem"/> (own/any decided by its owner).</summary>
    public static async Task<bool> AuthorizeAsync(this IAuthorizationService service, ClaimsPrincipal user, ContentAction action, object contentItem) =>
        (await service.AuthorizeAsync(user, contentItem, new ContentRequirement(action))).Succeeded;
}
