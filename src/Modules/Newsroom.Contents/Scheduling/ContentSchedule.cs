using Microsoft.EntityFrameworkCore;
using Newsroom.Data;

namespace Newsroom.Contents.Scheduling;

/// <summary>What a schedule does when its time comes.</summary>
public enum ScheduledAction
{
    Publish,
    Unpublish,
}

/// <summary>
/// One scheduled publish or unpublish of a content item, stored in UTC. A row is claimed by setting
/// <see cref="DoneUtc"/> in the same transaction as the publish, so it runs exactly once whatever the
/// number of processes.
/// </summary>
public sealed class ContentSchedule
{
    public long Id { get; set; }

    public string ContentItemId { get; set; } = "";

    public ScheduledAction Action { get; set; }

    public DateTime DueUtc { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Set when the schedule ran (or failed); null while pending.</summary>
    public DateTime? DoneUtc { get; set; }

    /// <summary>Why it could not run (item gone, validation failed); null when it ran.</summary>
    public string? Error { get; set; }
}

public sealed class ContentScheduleModel : IModelContributor
{
    public void Configure(ModelBuilder model) =>
        model.Entity<ContentSchedule>(e =>
        {
            e.ToTable("ContentSchedules");
            e.HasKey(x => x.Id);
            e.Property(x => x.ContentItemId).HasMaxLength(32);
            e.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
        });
}
