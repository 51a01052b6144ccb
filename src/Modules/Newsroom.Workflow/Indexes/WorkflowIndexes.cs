using Microsoft.EntityFrameworkCore;
using Newsroom.Data;
using Newsroom.Workflow.Models;

namespace Newsroom.Workflow.Indexes;

/// <summary>
/// One row per article in the workflow (the latest version's status and schedule), kept by
/// <see cref="Handlers.WorkflowIndexHandler"/> in the write's transaction. The scheduler claims
/// due rows with a conditional update on <see cref="ScheduledPublishUtc"/>/<see cref="ScheduledUnpublishUtc"/>.
/// </summary>
public sealed class WorkflowIndex
{
    public string ContentItemId { get; set; } = "";

    public EditorialStatus Status { get; set; }

    public string? Owner { get; set; }

    public string? DisplayText { get; set; }

    public DateTime? ScheduledPublishUtc { get; set; }

    public DateTime? ScheduledUnpublishUtc { get; set; }

    public DateTime ModifiedUtc { get; set; }
}

/// <summary>Who did what to which item, when. Written for every workflow action and content event.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string UserName { get; set; } = "";

    public string Action { get; set; } = "";

    public string? ContentItemId { get; set; }

    public string? ContentType { get; set; }

    public string? DisplayText { get; set; }

    public string? Details { get; set; }
}

/// <summary>A shareable preview link: the token carries <see cref="Id"/>; revoking sets <see cref="RevokedUtc"/>.</summary>
public sealed class PreviewLink
{
    public string Id { get; set; } = "";

    public string ContentItemId { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }
}

/// <summary>The update log of published articles, for the public <c>/corrections</c> page.</summary>
public sealed class UpdateLogIndex
{
    public long Id { get; set; }

    public string ContentItemId { get; set; } = "";

    public string Headline { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Note { get; set; } = "";

    public DateTime AtUtc { get; set; }
}

internal sealed class WorkflowModel : IModelContributor
{
    public void Configure(ModelBuilder model)
    {
        model.Entity<WorkflowIndex>(e =>
        {
            e.ToTable("WorkflowIndex");
            e.HasKey(x => x.ContentItemId);
            e.Property(x => x.Status).HasConversion<string>();
        });
        model.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasKey(x => x.Id);
        });
        model.Entity<PreviewLink>(e =>
        {
            e.ToTable("PreviewLinks");
            e.HasKey(x => x.Id);
        });
        model.Entity<UpdateLogIndex>(e =>
        {
            e.ToTable("UpdateLogIndex");
            e.HasKey(x => x.Id);
        });
    }
}
