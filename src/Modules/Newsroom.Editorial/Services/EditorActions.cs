using System.Security.Claims;
using Newsroom.ContentManagement;

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
