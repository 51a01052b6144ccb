using Newsroom.ContentManagement;
using Newsroom.Workflow.Services;

namespace Newsroom.Workflow.Models;

public enum EditorialStatus
{
    Draft,
    InReview,
    ChangesRequested,
    Scheduled,
    Published,
    Unpublished,
}

/// <summary>An article's place in the workflow, its schedule and its public update log.</summary>
public sealed class EditorialPart : ContentPart
{
    public EditorialStatus Status { get; set; }

    /// <summary>The editor's note when changes were requested.</summary>
    public string? ReviewNote { get; set; }

    public DateTime? ScheduledPublishUtc { get; set; }

    public DateTime? ScheduledUnpublishUtc { get; set; }

    /// <summary>The kind of change this version made (revision history).</summary>
    public ChangeKind? LastChangeKind { get; set; }

    /// <summary>
    /// A change to a published article saved as a draft: applied to the update log when the draft is
    /// published (now or on schedule), so readers only hear about it once it is live.
    /// </summary>
    public ChangeKind? PendingChangeKind { get; set; }

    public string? PendingChangeNote { get; set; }

    /// <summary>Who scheduled the publication (the background publisher acts as "system").</summary>
    public string? ScheduledBy { get; set; }

    /// <summary>Updates, clarifications and corrections readers were told about, oldest first.</summary>
    public List<UpdateLogEntry> UpdateLog { get; set; } = [];
}

public sealed class UpdateLogEntry
{
    public ChangeKind Kind { get; set; }

    public string Note { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string? By { get; set; }
}
