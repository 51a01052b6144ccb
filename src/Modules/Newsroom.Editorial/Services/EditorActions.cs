using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Newsroom.ContentManagement;
using Newsroom.Users.Permissions;

namespace Newsroom.Editorial.Services;

/// <summary>The editor's buttons.</summary>
public static class EditorAction
{
    public const string Save = "save";
    public const string Submit = "submit";
    public const string Publish = "publish";
    public const string Schedule = "schedule";

    public static bool Publishes(string action) => action is Publish or Schedule;
}

public sealed record EditorActionResult(bool Succeeded, string? Error = null, bool Forbidden = false)
{
    public static EditorActionResult Ok { get; } = new(true);
}

/// <summary>Input of an editor action besides the item: the change kind, its note and a schedule instant.</summary>
public sealed record EditorActionInput(string? ChangeKind, string? Note, DateTime? PublishAtUtc);

/// <summary>
/// Carries out the editor's buttons on an item whose form values are already applied. All the
/// editor's writes go through here, so the workflow decides what each button does.
/// </summary>
public interface IEditorActions
{
    Task<IReadOnlySet<string>> AllowedAsync(ContentItem item, bool isNew, ClaimsPrincipal user);

    Task<EditorActionResult> ApplyAsync(ContentItem item, bool isNew, string action, EditorActionInput input, ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>
/// Without the workflow module: save, submit (saved as a draft) and publish straight through the
/// content manager with the same permission checks; no scheduling.
/// </summary>
public sealed class DirectEditorActions(IContentManager contents, IAuthorizationService authorization) : IEditorActions
{
    public async Task<IReadOnlySet<string>> AllowedAsync(ContentItem item, bool isNew, ClaimsPrincipal user)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        if (await authorization.AuthorizeAsync(user, ContentAction.Edit, item))
        {
            allowed.Add(EditorAction.Save);
            allowed.Add(EditorAction.Submit);
        }

        if (await authorization.AuthorizeAsync(user, ContentAction.Publish, item))
        {
            allowed.Add(EditorAction.Publish);
        }

        return allowed;
    }

    public async Task<EditorActionResult> ApplyAsync(ContentItem item, bool isNew, string action, EditorActionInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!(await AllowedAsync(item, isNew, user)).Contains(action))
        {
            return new EditorActionResult(false, $"You may not {action} this article.", Forbidden: true);
        }

        switch (action)
        {
            case EditorAction.Save or EditorAction.Submit:
                await (isNew ? contents.CreateAsync(item, VersionOptions.Draft, cancellationToken) : contents.SaveDraftAsync(item, cancellationToken));
                return EditorActionResult.Ok;
            case EditorAction.Publish:
                await (isNew ? contents.CreateAsync(item, VersionOptions.Published, cancellationToken) : contents.PublishAsync(item, cancellationToken));
                return EditorActionResult.Ok;
            default:
                return new EditorActionResult(false, $"'{action}' is not available.");
        }
    }
}
