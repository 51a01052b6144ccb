using Microsoft.AspNetCore.Authorization;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Queries;
using Newsroom.Users.Permissions;

namespace Newsroom.Contents.Authorization;

/// <summary>
/// Resource-based content checks: the action on an item needs "{Action}Own{Type}" when the user owns
/// the item and "{Action}Any{Type}" otherwise (which also grants the "own" one). The owner is decided
/// here, on the server, from the stored item — never from what the form says.
/// </summary>
public sealed class ContentAuthorizationHandler(UserPermissions permissions) : AuthorizationHandler<ContentRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ContentRequirement requirement)
    {
        var (type, owner) = context.Resource switch
        {
            ContentItem item => (item.ContentType, item.Owner),
            ContentSummary summary => (summary.ContentType, summary.Owner),
            _ => (null, null),
        };
        if (type is null)
        {
            return;
        }

        var isOwner = owner is not null && context.User.Identity?.Name is { } name && string.Equals(owner, name, StringComparison.Ordinal);
        if (await permissions.HasAsync(context.User, ContentTypePermissions.For(requirement.Action, type, isOwner)))
        {
            context.Succeed(requirement);
        }
    }
}
