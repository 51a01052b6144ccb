using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Articles.Models;
using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.Users.Permissions;
using Newsroom.Workflow.Models;

namespace Newsroom.Workflow.Services;

/// <inheritdoc />
public sealed class EditorialWorkflow(
    IContentManager contents,
    IAuthorizationService authorization,
    NewsroomDbContext db,
    AuditLog audit,
    TimeProvider clock) : IEditorialWorkflow
{
    public const int NoteMaxLength = 2000;

    public async Task<IReadOnlyList<WorkflowAction>> AllowedActionsAsync(ContentItem item, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var state = await LoadStateAsync(item, user, ct);
        var allowed = new List<WorkflowAction>();
        foreach (var action in Enum.GetValues<WorkflowAction>())
        {
            if (Permitted(state, action) && StateError(state, action, null) is null)
            {
                allowed.Add(action);
            }
        }

        return allowed;
    }

    public async Task<WorkflowResult> ApplyAsync(ContentItem item, WorkflowAction action, WorkflowInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var state = await LoadStateAsync(item, user, ct);
        if (!Permitted(state, action))
        {
            return WorkflowResult.Deny;
        }

        if (StateError(state, action, input) is { } error)
        {
            return WorkflowResult.Fail(error);
        }

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note is { Length: > NoteMaxLength })
        {
            return WorkflowResult.Fail($"The note is {note.Length} characters long; the limit is {NoteMaxLength}.");
        }

        if (state.IsNew)
        {
            item.Owner ??= user.Identity?.Name;
        }

        string? failure = null;
        await db.InTransactionAsync(
            async () =>
            {
                using var running = audit.Begin(action.ToString(), Details(action, input, note), user.Identity?.Name);
                failure = await RunAsync(state, item, action, input, note, user.Identity?.Name, ct);
                if (failure is null)
                {
                    await audit.CompleteAsync(item, ct);
                }
            },
            ct);
        return failure is null ? WorkflowResult.Ok : WorkflowResult.Fail(failure);
    }

    /// <summary>The background publisher's publish of a due item (already claimed), as "system".</summary>
    public async Task PublishScheduledAsync(ContentItem latest, CancellationToken ct)
    {
        var part = latest.As<EditorialPart>();
        using var running = audit.Begin(nameof(WorkflowAction.Publish), $"Scheduled by {part.ScheduledBy ?? "unknown"} for {part.ScheduledPublishUtc:yyyy-MM-dd HH:mm} UTC", HttpContentActor.System);
        var hasPublished = await contents.GetAsync(latest.ContentItemId, VersionOptions.Published, ct) is not null;
        var error = ApplyUpdateLog(latest, ChangeKind.SilentFix, null, hasPublished, part.ScheduledBy);
        if (error is not null)
        {
            // The pending note was checked when the schedule was saved; publish without it rather than not at all.
            part.PendingChangeKind = null;
        }

        part.Status = EditorialStatus.Published;
        part.ScheduledPublishUtc = null;
        part.ReviewNote = null;
        await contents.PublishAsync(latest, ct);
        await audit.CompleteAsync(latest, ct);
    }

    /// <summary>The background publisher's unpublish of a due item (already claimed).</summary>
    public async Task UnpublishScheduledAsync(ContentItem latest, CancellationToken ct)
    {
        using var running = audit.Begin(nameof(WorkflowAction.Unpublish), $"Scheduled for {latest.As<EditorialPart>().ScheduledUnpublishUtc:yyyy-MM-dd HH:mm} UTC", HttpContentActor.System);
        await UnpublishCoreAsync(latest, ct);
        await audit.CompleteAsync(latest, ct);
    }

    private async Task<string?> RunAsync(ItemState state, ContentItem item, WorkflowAction action, WorkflowInput input, string? note, string? userName, CancellationToken ct)
    {
        var part = item.As<EditorialPart>();
        switch (action)
        {
            case WorkflowAction.SaveDraft:
            case WorkflowAction.SubmitForReview:
                if (RecordPendingChange(state, item, input, note) is { } pendingError)
                {
                    return pendingError;
                }

                part.Status = action == WorkflowAction.SubmitForReview
                    ? EditorialStatus.InReview
                    : state.Status is EditorialStatus.InReview or EditorialStatus.ChangesRequested or EditorialStatus.Scheduled ? state.Status : EditorialStatus.Draft;
                if (action == WorkflowAction.SubmitForReview)
                {
                    part.ReviewNote = null;
                }

                await SaveAsync(state, item, ct);
                return null;

            case WorkflowAction.RequestChanges:
                part.Status = EditorialStatus.ChangesRequested;
                part.ReviewNote = note;
                await contents.SaveDraftAsync(item, ct);
                return null;

            case WorkflowAction.Publish:
                if (ApplyUpdateLog(item, input.ChangeKind, note, state.HasPublished, userName) is { } logError)
                {
                    return logError;
                }

                part.Status = EditorialStatus.Published;
                part.ScheduledPublishUtc = null;
                part.ReviewNote = null;
                if (state.IsNew)
                {
                    await contents.CreateAsync(item, VersionOptions.Published, ct);
                }
                else
                {
                    await contents.PublishAsync(item, ct);
                }

                return null;

            case WorkflowAction.Schedule:
                if (RecordPendingChange(state, item, input, note) is { } scheduleError)
                {
                    return scheduleError;
                }

                part.ScheduledPublishUtc = Micro(input.PublishAtUtc);
                part.ScheduledUnpublishUtc = Micro(input.UnpublishAtUtc);
                part.ScheduledBy = userName;
                if (input.PublishAtUtc is not null)
                {
                    part.Status = EditorialStatus.Scheduled;
                }
                else if (part.Status is EditorialStatus.Published && !state.LatestPublished)
                {
                    part.Status = EditorialStatus.Draft;
                }

                await SaveAsync(state, item, ct);
                return null;

            case WorkflowAction.Unschedule:
                part.ScheduledPublishUtc = null;
                part.ScheduledUnpublishUtc = null;
                part.Status = state.LatestPublished ? EditorialStatus.Published : EditorialStatus.Draft;
                await contents.SaveDraftAsync(item, ct);
                return null;

            case WorkflowAction.Unpublish:
                await UnpublishCoreAsync(item, ct);
                return null;

            case WorkflowAction.Delete:
                await contents.RemoveAsync(item, ct);
                return null;

            case WorkflowAction.Restore:
                await contents.RestoreAsync(item.ContentItemId, ct);
                return null;

            default:
                return $"Unknown action {action}.";
        }
    }

    private async Task UnpublishCoreAsync(ContentItem item, CancellationToken ct)
    {
        await contents.UnpublishAsync(item, ct);

        // The latest version records that it is offline, so lists and the editor say "Unpublished".
        var latest = await contents.GetAsync(item.ContentItemId, VersionOptions.Latest, ct) ?? item;
        var part = latest.As<EditorialPart>();
        part.Status = EditorialStatus.Unpublished;
        part.ScheduledUnpublishUtc = null;
        await contents.SaveDraftAsync(latest, ct);
        item.ConcurrencyStamp = latest.ConcurrencyStamp;
    }

    private Task SaveAsync(ItemState state, ContentItem item, CancellationToken ct) =>
        state.IsNew ? contents.CreateAsync(item, VersionOptions.Draft, ct) : contents.SaveDraftAsync(item, ct);

    /// <summary>A draft of a live article remembers what kind of change it is, for when it goes live.</summary>
    private static string? RecordPendingChange(ItemState state, ContentItem item, WorkflowInput input, string? note)
    {
        if (!state.HasPublished)
        {
            return null;
        }

        var part = item.As<EditorialPart>();
        if (input.ChangeKind != ChangeKind.SilentFix)
        {
            if (note is null)
            {
                return $"Describe the {Describe(input.ChangeKind)} for readers: a note is required.";
            }

            part.PendingChangeKind = input.ChangeKind;
            part.PendingChangeNote = note;
        }

        part.LastChangeKind = input.ChangeKind;
        return null;
    }

    /// <summary>
    /// On publishing an article that is live already: an update, clarification or correction moves
    /// the public "Updated" stamp and adds a note; a silent fix changes nothing readers see.
    /// </summary>
    private string? ApplyUpdateLog(ContentItem item, ChangeKind kind, string? note, bool hasPublished, string? userName)
    {
        var part = item.As<EditorialPart>();
        if (!hasPublished)
        {
            part.PendingChangeKind = null;
            part.PendingChangeNote = null;
            part.LastChangeKind = null;
            return null;
        }

        if (kind == ChangeKind.SilentFix && part.PendingChangeKind is { } pending)
        {
            kind = pending;
            note ??= part.PendingChangeNote;
        }

        part.LastChangeKind = kind;
        if (kind == ChangeKind.SilentFix)
        {
            return null;
        }

        if (note is null)
        {
            return $"Describe the {Describe(kind)} for readers: a note is required.";
        }

        var now = Micro(clock.GetUtcNow().UtcDateTime)!.Value;
        if (item.Has<ArticlePart>())
        {
            item.As<ArticlePart>().UpdatedUtc = now;
        }

        part.UpdateLog.Add(new UpdateLogEntry { Kind = kind, Note = note, AtUtc = now, By = userName });
        part.PendingChangeKind = null;
        part.PendingChangeNote = null;
        return null;
    }

    private bool Permitted(ItemState state, WorkflowAction action) => action switch
    {
        WorkflowAction.SaveDraft or WorkflowAction.SubmitForReview => state.CanEdit,
        WorkflowAction.Delete or WorkflowAction.Restore => state.CanPublish && state.CanDelete,
        _ => state.CanPublish,
    };

    /// <summary>Why the action does not fit the item's state now (null when it does).</summary>
    private string? StateError(ItemState state, WorkflowAction action, WorkflowInput? input)
    {
        if (state.Deleted != (action == WorkflowAction.Restore))
        {
            return state.Deleted ? "The article is in the trash; restore it first." : "Only a deleted article can be restored.";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return action switch
        {
            WorkflowAction.SubmitForReview when state.Status == EditorialStatus.InReview && input is null => "The article is already waiting for review.",
            WorkflowAction.RequestChanges when state.IsNew || state.Status != EditorialStatus.InReview => "Changes can only be requested on an article waiting for review.",
            WorkflowAction.RequestChanges when input is not null && string.IsNullOrWhiteSpace(input.Note) => "Say what should change: a note is required.",
            WorkflowAction.Schedule when input is not null && input.PublishAtUtc is null && input.UnpublishAtUtc is null => "Choose when to publish or unpublish.",
            WorkflowAction.Schedule when input?.PublishAtUtc is { } at && at <= now => "The publication time is in the past; publish now instead.",
            WorkflowAction.Schedule when input?.UnpublishAtUtc is { } off && (off <= now || (input.PublishAtUtc is { } on && off <= on)) =>
                "The unpublish time must come after now and after the publication time.",
            WorkflowAction.Schedule when input?.PublishAtUtc is null && input?.UnpublishAtUtc is not null && !state.HasPublished => "Only a published article can be scheduled to go offline without a publication time.",
            WorkflowAction.Unschedule when !state.HasSchedule => "The article has no schedule.",
            WorkflowAction.Unpublish when !state.HasPublished => "The article is not published.",
            WorkflowAction.Delete or WorkflowAction.Unschedule or WorkflowAction.Unpublish when state.IsNew => "The article has not been saved yet.",
            _ => null,
        };
    }

    private async Task<ItemState> LoadStateAsync(ContentItem item, ClaimsPrincipal user, CancellationToken ct)
    {
        var stored = string.IsNullOrEmpty(item.ContentItemId) ? null : await contents.GetAsync(item.ContentItemId, VersionOptions.LatestIncludingDeleted, ct);

        // Ownership comes from the stored item, never from what the caller sent.
        var subject = stored ?? new ContentItem { ContentItemId = item.ContentItemId, ContentType = item.ContentType, Owner = user.Identity?.Name };
        var part = stored?.Get<EditorialPart>(nameof(EditorialPart));
        var hasPublished = stored is not null && (stored.Published || await contents.GetAsync(stored.ContentItemId, VersionOptions.Published, ct) is not null);
        return new ItemState(
            IsNew: stored is null,
            Deleted: stored?.Deleted == true,
            Status: part?.Status is EditorialStatus.Published && !hasPublished ? EditorialStatus.Unpublished
                : part?.Status ?? (stored?.Published == true ? EditorialStatus.Published : EditorialStatus.Draft),
            HasPublished: hasPublished && stored?.Deleted != true,
            LatestPublished: stored?.Published == true,
            HasSchedule: part?.ScheduledPublishUtc is not null || part?.ScheduledUnpublishUtc is not null,
            CanEdit: await authorization.AuthorizeAsync(user, ContentAction.Edit, subject),
            CanPublish: await authorization.AuthorizeAsync(user, ContentAction.Publish, subject),
            CanDelete: await authorization.AuthorizeAsync(user, ContentAction.Delete, subject));
    }

    private static string? Details(WorkflowAction action, WorkflowInput input, string? note)
    {
        var parts = new List<string>();
        if (input.ChangeKind != ChangeKind.SilentFix)
        {
            parts.Add(input.ChangeKind.ToString());
        }

        if (action == WorkflowAction.Schedule)
        {
            if (input.PublishAtUtc is { } on)
            {
                parts.Add($"publish at {on:yyyy-MM-dd HH:mm} UTC");
            }

            if (input.UnpublishAtUtc is { } off)
            {
                parts.Add($"unpublish at {off:yyyy-MM-dd HH:mm} UTC");
            }
        }

        if (note is not null)
        {
            parts.Add(note);
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string Describe(ChangeKind kind) => kind.ToString().ToLowerInvariant();

    // Whole microseconds: PostgreSQL keeps no more, and the scheduler compares stored values exactly.
    private static DateTime? Micro(DateTime? utc) =>
        utc is { } value ? new DateTime(value.Ticks - (value.Ticks % 10), DateTimeKind.Utc) : null;

    private sealed record ItemState(
        bool IsNew,
        bool Deleted,
        EditorialStatus Status,
        bool HasPublished,
        bool LatestPublished,
        bool HasSchedule,
        bool CanEdit,
        bool CanPublish,
        bool CanDelete);
}
