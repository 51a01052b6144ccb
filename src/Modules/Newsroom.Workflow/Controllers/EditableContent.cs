using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.ContentManagement;
using Newsroom.Users.Permissions;

namespace Newsroom.Workflow.Controllers;

/// <summary>An item the current user may edit, or the answer that refuses it (404 or 403).</summary>
internal sealed record EditableContent(ContentItem? Item, IActionResult? Refusal);

internal static class EditableContentExtensions
{
    /// <summary>Loads the item and checks "edit own/any" on the server, the first thing every editorial action does.</summary>
    public static async Task<EditableContent> LoadEditableAsync(
        this ControllerBase controller, IContentManager contents, IAuthorizationService authorization, string contentItemId, VersionOptions options, CancellationToken cancellationToken)
    {
        var item = await contents.GetAsync(contentItemId, options, cancellationToken);
        if (item is null)
        {
            return new EditableContent(null, controller.NotFound());
        }

        return await authorization.AuthorizeAsync(controller.User, ContentAction.Edit, item)
            ? new EditableContent(item, null)
            : new EditableContent(null, controller.Forbid());
    }
}
