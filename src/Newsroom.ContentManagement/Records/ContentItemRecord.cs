using Microsoft.EntityFrameworkCore;
using Newsroom.Data;

namespace Newsroom.ContentManagement.Records;

/// <summary>One version row of the ContentItems table.</summary>
public sealed class ContentItemRecord
{
    public long Id { get; set; }

    public string ContentItemId { get; set; } = "";

    public string ContentItemVersionId { get; set; } = "";

    public string ContentType { get; set; } = "";

    public int Number { get; set; }

    public bool Latest { get; set; }

    public bool Published { get; set; }

    public bool Deleted { get; set; }

    public string? DisplayText { get; set; }

    public string? Owner { get; set; }

    public string? Author { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ModifiedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public string ConcurrencyStamp { get; set; } = "";

    public string Data { get; set; } = "{}";
}

internal sealed class ContentItemModel : IModelContributor
{
    public void Configure(ModelBuilder model) =>
        model.Entity<ContentItemRecord>(e =>
        {
            e.ToTable("ContentItems");
            e.HasKey(x => x.Id);
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        });
}
