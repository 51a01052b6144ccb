using Microsoft.AspNetCore.Authorization;

namespace Newsroom.Users.Permissions;

public sealed class PermissionRequirement(Permission permission) : IAuthorizationRequirement
{
    public Permission Permission { get; } = permission;
}

/// <summary>Grants a <see cref="PermissionRequirement"/> when one of the user's roles holds the permission.</summary>
public sealed class PermissionHandler(UserPermissions permissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await permissions.HasAsync(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}
