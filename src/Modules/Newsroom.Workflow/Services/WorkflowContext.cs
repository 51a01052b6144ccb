namespace Newsroom.Workflow.Services;

/// <summary>What the running request is doing, for handlers that must act differently (scoped).</summary>
public sealed class WorkflowContext
{
    /// <summary>
    /// Set while an old version is restored as a new draft: the copied workflow state (status,
    /// schedule) belongs to the old version and is reset, so a restored draft is never published by
    /// a stale schedule.
    /// </summary>
    public bool RestoringVersion { get; set; }
}
