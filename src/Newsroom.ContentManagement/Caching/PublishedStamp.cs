using Microsoft.EntityFrameworkCore;
using Newsroom.Data;

namespace Newsroom.ContentManagement.Caching;

/// <summary>
/// The one row of PublishedStamps: bumped in the transaction of every change to published content,
/// so each node's <see cref="IPublishedCache"/> can tell, with one small read, that another node changed it.
/// </summary>
public sealed class PublishedStamp
{
    public const int RowId = 1;

    public int Id { get; set; }

    public long Value { get; set; }
}

internal sealed class PublishedStampModel : IModelContributor
{
    public void Configure(ModelBuilder model) =>
        model.Entity<PublishedStamp>(e =>
        {
            e.ToTable("PublishedStamps");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
        });
}
