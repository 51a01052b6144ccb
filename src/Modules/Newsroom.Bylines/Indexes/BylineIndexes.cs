using Microsoft.EntityFrameworkCore;
using Newsroom.Data;

namespace Newsroom.Bylines.Indexes;

/// <summary>One row per published byline: its slug for author pages.</summary>
public sealed class BylineIndex
{
    public string ContentItemId { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";
}

/// <summary>Which published article credits which byline, in credit order.</summary>
public sealed class ArticleBylineIndex
{
    public long Id { get; set; }

    public string ArticleId { get; set; } = "";

    public string BylineId { get; set; } = "";

    public int Position { get; set; }

    public DateTime PublishedUtc { get; set; }
}

internal sealed class BylineModel : IModelContributor
{
    public void Configure(ModelBuilder model)
    {
        model.Entity<BylineIndex>(e =>
        {
            e.ToTable("BylineIndex");
            e.HasKey(x => x.ContentItemId);
        });
        model.Entity<ArticleBylineIndex>(e =>
        {
            e.ToTable("ArticleBylineIndex");
            e.HasKey(x => x.Id);
        });
    }
}
