using System.Security.Claims;
using Newsroom.ContentManagement;

namespace Newsroom.Workflow.Services;

/// <summary>The transitions of an article's editorial life.</summary>
public enum WorkflowAction
{
    SaveDraft,
    SubmitForReview,
    RequestChanges,
    Publish,
    Schedule,
    Unschedule,
    Unpublish,
    Delete,
    Restore,
}

/// <summary>What a change to a published article means for readers (only the last three are shown).</summary>
public enum ChangeKind
{
    SilentFix,
    Update,
    Clarification,
    Correction,
}

/// <param name="Note">The review note (required for <see cref="WorkflowAction.RequestChanges"/>) or the update-log note.</param>
/// <param name="ChangeKind">For saving/publishing an already published article.</param>
/// <param name="PublishAtUtc">For <see cref="WorkflowAction.Schedule"/>: when to publish (UTC).</param>
/// <param name="UnpublishAtUtc">For <see cref="WorkflowAction.Schedule"/>: when to take it offline again (UTC), optional.</param>
public sealed record WorkflowInput(string? Note = null, ChangeKind ChangeKind = ChangeKind.SilentFix, DateTime? PublishAtUtc = null, DateTime? UnpublishAtUtc = null);

/// <param name="Error">A message for the user when the action was refused (invalid input or state).</param>
/// <param name="Forbidden">The user may not do this action to this item (controllers answer 403).</param>
public sealed record WorkflowResult(bool Succeeded, string? Error, bool Forbidden)
{
    public static WorkflowResult Ok { get; } = new(true, null, false);

    public static WorkflowResult Deny { get; } = new(false, "You are not allowed to do this.", true);

    public static WorkflowResult Fail(string error) => new(false, error, false);
}

/// <summary>
/// Runs the editorial transitions with the server-side permission checks, the audit log and the
/// update log. The article editor calls this for every button it shows.
/// </summary>
public interface IEditorialWorkflow
{
    /// <summary>The actions <paramref name="user"/> may do to <paramref name="item"/> (the latest version) now.</summary>
    Task<IReadOnlyList<WorkflowAction>> AllowedActionsAsync(ContentItem item, ClaimsPrincipal user, CancellationToken ct = default);

    /// <summary>
    /// Applies <paramref name="action"/>. <paramref name="item"/> carries the editor's changes and the
    /// <see cref="ContentItem.ConcurrencyStamp"/> it was loaded with; a new item (never saved) is created.
    /// <see cref="ContentConcurrencyException"/> and <see cref="ContentValidationException"/> propagate.
    /// </summary>
    Task<WorkflowResult> ApplyAsync(ContentItem item, WorkflowAction action, WorkflowInput input, ClaimsPrincipal user, CancellationToken ct = default);
}
