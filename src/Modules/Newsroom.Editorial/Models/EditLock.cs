using Microsoft.EntityFrameworkCore;
using Newsroom.Data;

namespace Newsroom.Editorial.Models;

/// <summary>
/// A soft lock: who has an item open in the editor. Advisory only — saving is protected by the
/// concurrency stamp; the lock tells a second person before they start typing.
/// </summary>
public sealed class EditLock
{
    public string ContentItemId { get; set; } = "";

    public string User { get; set; } = "";

    public DateTime SinceUtc { get; set; }

    public DateTime HeartbeatUtc { get; set; }
}

internal sealed class EditorialModel : IModelContributor
{
    public void Configure(ModelBuilder model) => model.Entity<EditLock>(e =>
    {
        e.ToTable("EditLocks");
        e.HasKey(x => x.ContentItemId);
    });
}
