using System.Security.Claims;
using Newsroom.ContentManagement;
using Newsroom.Workflow.Services;

namespace Newsroom.Editorial.Services;

/// <summary>
/// The editor's buttons as workflow transitions: the workflow checks the roles, keeps the update log
/// and the audit log, and schedules. Concurrency and validation exceptions reach the editor unchanged.
/// </summary>
public sealed class WorkflowEditorActions(IEditorialWorkflow workflow) : IEditorActions
{
    private static readonly (string Button, WorkflowAction Action)[] s_map =
    [
        (EditorAction.Save, WorkflowAction.SaveDraft),
        (EditorAction.Submit, WorkflowAction.SubmitForReview),
        (EditorAction.Publish, WorkflowAction.Publish),
        (EditorAction.Schedule, WorkflowAction.Schedule),
    ];

    public async Task<IReadOnlySet<string>> AllowedAsync(ContentItem item, bool isNew, ClaimsPrincipal user)
    {
        var allowed = await workflow.AllowedActionsAsync(item, user);
        return s_map.Where(m => allowed.Contains(m.Action)).Select(m => m.Button).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<EditorActionResult> ApplyAsync(ContentItem item, bool isNew, string action, EditorActionInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var match = s_map.FirstOrDefault(m => m.Button == action);
        if (match.Button is null)
        {
            return new EditorActionResult(false, $"'{action}' is not an editor action.");
        }

        var kind = Enum.TryParse<ChangeKind>(input.ChangeKind, out var parsed) ? parsed : ChangeKind.SilentFix;
        var result = await workflow.ApplyAsync(item, match.Action, new WorkflowInput(input.Note, kind, input.PublishAtUtc), user, cancellationToken);
        return new EditorActionResult(result.Succeeded, result.Error, result.Forbidden);
    }
}
